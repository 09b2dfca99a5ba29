using Gongjiang.Application.LiveRooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class LiveRoomQuestionConfiguration : IEntityTypeConfiguration<LiveRoomQuestion>
{
    public void Configure(EntityTypeBuilder<LiveRoomQuestion> b)
    {
        b.ToTable("LiveRoomQuestions");
        b.HasKey(q => q.Id);
        b.Property(q => q.RoomId).HasMaxLength(40);
        b.Property(q => q.AskerUserId).HasMaxLength(450);
        b.Property(q => q.TalentId).HasMaxLength(40);
        b.Property(q => q.Text).HasMaxLength(2000);
        b.Property(q => q.HeldRules).HasMaxLength(200);
        b.Property(q => q.ReviewedByUserId).HasMaxLength(450);
        b.Property(q => q.Answer).HasMaxLength(2000);
        b.Property(q => q.AnsweredByUserId).HasMaxLength(450);
        b.Property(q => q.HiddenByUserId).HasMaxLength(450);
        b.HasIndex(q => new { q.RoomId, q.Id });
        b.HasIndex(q => new { q.RoomId, q.AskerUserId });
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(q => q.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomUpvoteConfiguration : IEntityTypeConfiguration<LiveRoomUpvote>
{
    public void Configure(EntityTypeBuilder<LiveRoomUpvote> b)
    {
        b.ToTable("LiveRoomUpvotes");
        b.HasKey(u => u.Id);
        b.Property(u => u.UserId).HasMaxLength(450);
        // Once per user and question.
        b.HasIndex(u => new { u.QuestionId, u.UserId }).IsUnique();
        b.HasIndex(u => u.UserId);
        b.HasOne<LiveRoomQuestion>().WithMany().HasForeignKey(u => u.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomMuteConfiguration : IEntityTypeConfiguration<LiveRoomMute>
{
    public void Configure(EntityTypeBuilder<LiveRoomMute> b)
    {
        b.ToTable("LiveRoomMutes");
        b.HasKey(m => m.Id);
        b.Property(m => m.RoomId).HasMaxLength(40);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.TalentId).HasMaxLength(40);
        b.Property(m => m.MutedByUserId).HasMaxLength(450);
        b.HasIndex(m => new { m.RoomId, m.UserId }).IsUnique();
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomMicRequestConfiguration : IEntityTypeConfiguration<LiveRoomMicRequest>
{
    public void Configure(EntityTypeBuilder<LiveRoomMicRequest> b)
    {
        b.ToTable("LiveRoomMicRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.RoomId).HasMaxLength(40);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.TalentId).HasMaxLength(40);
        b.Property(r => r.OpenUserId).HasMaxLength(450);
        b.Property(r => r.DecidedByUserId).HasMaxLength(450);
        // One open request (waiting or on the mic) per user and room; closed ones have no OpenUserId and never collide.
        b.HasIndex(r => new { r.RoomId, r.OpenUserId }).IsUnique();
        // One guest on the mic per room, however many consoles accept at once.
        b.Property(r => r.OnMicRoomId).HasMaxLength(40);
        b.HasIndex(r => r.OnMicRoomId).IsUnique();
        b.HasIndex(r => new { r.RoomId, r.Status, r.Id });
        b.HasIndex(r => new { r.RoomId, r.UserId });
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
