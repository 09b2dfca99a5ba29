using Gongjiang.Core.Headhunting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class HeadhuntingProjectConfiguration : IEntityTypeConfiguration<HeadhuntingProject>
{
    public void Configure(EntityTypeBuilder<HeadhuntingProject> b)
    {
        b.ToTable("HeadhuntingProjects");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.AgencyId).HasMaxLength(40);
        b.Property(p => p.ClientEmployerId).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.OccupationCode).HasMaxLength(20);
        b.Property(p => p.CityCode).HasMaxLength(12);
        b.Property(p => p.Notes).HasMaxLength(2000);
        b.Property(p => p.FeeTerms).HasMaxLength(1000);
        b.Property(p => p.ClientDecidedByUserId).HasMaxLength(450);
        b.Property(p => p.ClientDeclineReason).HasMaxLength(500);
        b.HasIndex(p => p.AgencyId);
        b.HasIndex(p => p.ClientEmployerId);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(p => p.ClientEmployerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Candidates).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.DeliveryRate);
    }
}

internal sealed class ProjectCandidateConfiguration : IEntityTypeConfiguration<ProjectCandidate>
{
    public void Configure(EntityTypeBuilder<ProjectCandidate> b)
    {
        b.ToTable("ProjectCandidates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.ProjectId).HasMaxLength(40);
        b.Property(c => c.TalentId).HasMaxLength(40);
        b.Property(c => c.DropReason).HasMaxLength(1000);
        b.HasIndex(c => new { c.ProjectId, c.TalentId }).IsUnique(); // a seeker is in a project once
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(c => c.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateStageChangeConfiguration : IEntityTypeConfiguration<CandidateStageChange>
{
    public void Configure(EntityTypeBuilder<CandidateStageChange> b)
    {
        b.ToTable("ProjectCandidateStageChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.CandidateId).HasMaxLength(40);
        b.Property(h => h.ByUserId).HasMaxLength(450);
        b.Property(h => h.Reason).HasMaxLength(1000);
        b.HasIndex(h => new { h.CandidateId, h.At });
    }
}
