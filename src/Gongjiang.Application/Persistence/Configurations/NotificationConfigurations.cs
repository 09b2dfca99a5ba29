using Gongjiang.Application.Notifications;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(NotificationService.MaxTitle);
        b.Property(n => n.Body).HasMaxLength(NotificationService.MaxBody);
        b.Property(n => n.Link).HasMaxLength(500);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Channel).HasMaxLength(16);
        b.Property(m => m.Destination).HasMaxLength(320);
        b.Property(m => m.Kind).HasMaxLength(64);
        b.Property(m => m.Subject).HasMaxLength(NotificationService.MaxTitle);
        b.Property(m => m.Body).HasMaxLength(NotificationService.MaxBody);
        b.Property(m => m.LeaseOwner).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(40);
        b.Property(i => i.JobId).HasMaxLength(40);
        b.Property(i => i.EmployerId).HasMaxLength(40);
        b.Property(i => i.TalentId).HasMaxLength(40);
        b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        b.Property(i => i.Message).HasMaxLength(Recruiting.InvitationService.MaxMessage);
        b.Property(i => i.ApplicationId).HasMaxLength(40);
        // One pending invitation per job and talent, also against two HR users inviting at the same moment.
        b.HasIndex(i => new { i.JobId, i.TalentId }).IsUnique().HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(i => new { i.EmployerId, i.CreatedAt });
        b.HasIndex(i => new { i.TalentId, i.Status });
        b.HasOne<Core.Jobs.JobPosting>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(i => i.TalentId).OnDelete(DeleteBehavior.Cascade);
    }
}
