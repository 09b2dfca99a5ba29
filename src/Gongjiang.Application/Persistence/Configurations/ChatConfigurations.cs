using Gongjiang.Application.Chat;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("Conversations");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.TalentId).HasMaxLength(40);
        b.Property(c => c.EmployerId).HasMaxLength(40);
        b.Property(c => c.JobId).HasMaxLength(40);
        b.Property(c => c.StartedByUserId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        // One conversation per job and seeker; erasing the seeker erases their conversations.
        b.HasIndex(c => new { c.JobId, c.TalentId }).IsUnique();
        b.HasIndex(c => new { c.TalentId, c.LastMessageAt });
        b.HasIndex(c => new { c.EmployerId, c.LastMessageAt });
        b.HasIndex(c => new { c.StartedByUserId, c.CreatedAt });
        b.HasOne<TalentProfile>().WithMany().HasForeignKey(c => c.TalentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> b)
    {
        b.ToTable("ChatMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.ConversationId).HasMaxLength(40);
        b.Property(m => m.SenderUserId).HasMaxLength(450);
        b.Property(m => m.Text).HasMaxLength(2000);
        b.Property(m => m.JobId).HasMaxLength(40);
        b.Property(m => m.ReferenceId).HasMaxLength(40);
        b.Property(m => m.Flags).HasMaxLength(200);
        // The number is the conversation's order and a reconnecting client's bookmark: unique within it.
        b.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HeldChatMessageConfiguration : IEntityTypeConfiguration<HeldChatMessage>
{
    public void Configure(EntityTypeBuilder<HeldChatMessage> b)
    {
        b.ToTable("HeldChatMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.ConversationId).HasMaxLength(40);
        b.Property(m => m.SenderUserId).HasMaxLength(450);
        b.Property(m => m.Text).HasMaxLength(2000);
        b.Property(m => m.Rules).HasMaxLength(200);
        b.Property(m => m.ReviewedByUserId).HasMaxLength(450);
        b.HasIndex(m => m.At);
        b.HasIndex(m => new { m.ReviewedAt, m.At });
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatReportConfiguration : IEntityTypeConfiguration<ChatReport>
{
    public void Configure(EntityTypeBuilder<ChatReport> b)
    {
        b.ToTable("ChatReports");
        b.HasKey(r => r.Id);
        b.Property(r => r.ConversationId).HasMaxLength(40);
        b.Property(r => r.ReporterUserId).HasMaxLength(450);
        b.Property(r => r.Reason).HasMaxLength(ReportConversation.MaxReason);
        b.Property(r => r.ComplaintId).HasMaxLength(40);
        b.Property(r => r.HandledByUserId).HasMaxLength(450);
        b.Property(r => r.HandlingNote).HasMaxLength(ReportConversation.MaxReason);
        b.HasIndex(r => r.At);
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
