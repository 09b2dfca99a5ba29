using Gongjiang.Core.Catalogue;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class DemandSurveyConfiguration : IEntityTypeConfiguration<DemandSurvey>
{
    public void Configure(EntityTypeBuilder<DemandSurvey> b)
    {
        b.ToTable("DemandSurveys");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(40);
        b.Property(s => s.Period).HasMaxLength(6);
        b.Property(s => s.OpenedBy).HasMaxLength(450);
        b.HasIndex(s => s.Period);
        b.HasMany(s => s.Strata).WithOne().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyStratumConfiguration : IEntityTypeConfiguration<SurveyStratum>
{
    public void Configure(EntityTypeBuilder<SurveyStratum> b)
    {
        b.ToTable("SurveyStrata");
        b.HasKey(s => s.Id);
        b.Property(s => s.SurveyId).HasMaxLength(40);
        b.Property(s => s.Cluster).HasMaxLength(40);
        b.HasIndex(s => new { s.SurveyId, s.Cluster, s.Size }).IsUnique();
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.SurveyId).HasMaxLength(40);
        b.Property(i => i.EmployerId).HasMaxLength(40);
        b.Property(i => i.Cluster).HasMaxLength(40);
        b.HasOne<DemandSurvey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employer>().WithMany().HasForeignKey(i => i.EmployerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.SurveyId, i.EmployerId }).IsUnique();
        b.HasIndex(i => i.EmployerId);
    }
}

internal sealed class SurveyNeedConfiguration : IEntityTypeConfiguration<SurveyNeed>
{
    public void Configure(EntityTypeBuilder<SurveyNeed> b)
    {
        b.ToTable("SurveyNeeds");
        b.HasKey(n => n.Id);
        b.Property(n => n.SurveyId).HasMaxLength(40);
        b.Property(n => n.EmployerId).HasMaxLength(40);
        b.Property(n => n.OccupationCode).HasMaxLength(10);
        b.HasOne<DemandSurvey>().WithMany().HasForeignKey(n => n.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.SurveyId, n.EmployerId });
    }
}
