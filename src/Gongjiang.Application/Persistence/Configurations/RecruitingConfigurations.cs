using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> b)
    {
        b.ToTable("Applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.JobId).HasMaxLength(40);
        b.Property(a => a.TalentId).HasMaxLength(40);
        b.Property(a => a.EmployerId).HasMaxLength(40);
        // A Guid changed by the application on every update works the same on SQLite and PostgreSQL.
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.JobId, a.TalentId }).IsUnique(); // one application per job and seeker
        b.HasIndex(a => a.TalentId);
        b.HasIndex(a => new { a.EmployerId, a.Stage });
        b.HasOne<Core.Jobs.JobPosting>().WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(a => a.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Interviews).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Offers).WithOne().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(a => a.CurrentOffer);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> b)
    {
        b.ToTable("ApplicationStageChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.ApplicationId).HasMaxLength(40);
        b.Property(h => h.ByUserId).HasMaxLength(450);
        b.Property(h => h.Reason).HasMaxLength(1000);
        b.HasIndex(h => new { h.ApplicationId, h.At });
    }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(40);
        b.Property(i => i.ApplicationId).HasMaxLength(40);
        b.Property(i => i.Place).HasMaxLength(200);
        b.Property(i => i.OnlineLink).HasMaxLength(500);
        b.HasMany(i => i.Scorecards).WithOne().HasForeignKey(s => s.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.ToTable("InterviewScorecards");
        b.HasKey(s => s.Id);
        b.Property(s => s.InterviewId).HasMaxLength(40);
        b.Property(s => s.InterviewerUserId).HasMaxLength(450);
        b.Property(s => s.InterviewerName).HasMaxLength(100);
        b.Property(s => s.Notes).HasMaxLength(2000);
        b.HasIndex(s => new { s.InterviewId, s.InterviewerUserId }).IsUnique();
    }
}

internal sealed class OfferCardConfiguration : IEntityTypeConfiguration<OfferCard>
{
    public void Configure(EntityTypeBuilder<OfferCard> b)
    {
        b.ToTable("OfferCards");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(40);
        b.Property(o => o.ApplicationId).HasMaxLength(40);
        b.Property(o => o.Place).HasMaxLength(200);
    }
}
