using Gongjiang.Application.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.ReporterUserId).HasMaxLength(450);
        b.Property(c => c.JobId).HasMaxLength(40);
        b.Property(c => c.EmployerId).HasMaxLength(40);
        b.Property(c => c.Description).HasMaxLength(ComplaintService.MaxDescription);
        b.Property(c => c.Evidence).HasMaxLength(ComplaintService.MaxEvidence);
        b.Property(c => c.AssignedToUserId).HasMaxLength(450);
        b.Property(c => c.Resolution).HasMaxLength(1000);
        b.HasIndex(c => new { c.Status, c.CreatedAt });
        b.HasIndex(c => c.ReporterUserId);
        b.HasIndex(c => new { c.EmployerId, c.Status, c.ResolvedAt });
        // Complaints outlive nothing they point at: postings and employers are never deleted while complaints are kept.
        b.HasOne<Core.Jobs.JobPosting>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceLogEntryConfiguration : IEntityTypeConfiguration<ServiceLogEntry>
{
    public void Configure(EntityTypeBuilder<ServiceLogEntry> b)
    {
        b.ToTable("ServiceLog");
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.TargetKind).HasMaxLength(32);
        b.Property(e => e.TargetId).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.HasIndex(e => new { e.TargetKind, e.TargetId, e.At });
        b.HasIndex(e => e.At);
    }
}

internal sealed class ScreeningReviewConfiguration : IEntityTypeConfiguration<ScreeningReview>
{
    public void Configure(EntityTypeBuilder<ScreeningReview> b)
    {
        b.ToTable("ScreeningReviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.JobId).HasMaxLength(40);
        b.Property(r => r.EmployerId).HasMaxLength(40);
        b.Property(r => r.Findings).HasMaxLength(4000);
        b.Property(r => r.EmployerNote).HasMaxLength(1000);
        b.Property(r => r.OperatorNote).HasMaxLength(1000);
        b.Property(r => r.DecidedByUserId).HasMaxLength(450);
        b.HasIndex(r => new { r.Status, r.CreatedAt });
        b.HasIndex(r => r.JobId);
        b.HasOne<Core.Jobs.JobPosting>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Restrict);
    }
}
