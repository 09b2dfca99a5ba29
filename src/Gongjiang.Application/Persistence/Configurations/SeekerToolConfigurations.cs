using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class JobMarkConfiguration : IEntityTypeConfiguration<JobMark>
{
    public void Configure(EntityTypeBuilder<JobMark> b)
    {
        b.ToTable("JobMarks");
        b.HasKey(m => new { m.TalentId, m.JobId, m.Kind });
        b.Property(m => m.TalentId).HasMaxLength(40);
        b.Property(m => m.JobId).HasMaxLength(40);
        b.HasOne<TalentProfile>().WithMany().HasForeignKey(m => m.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JobPosting>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.JobId);
    }
}

internal sealed class CompanyBlockConfiguration : IEntityTypeConfiguration<CompanyBlock>
{
    public void Configure(EntityTypeBuilder<CompanyBlock> b)
    {
        b.ToTable("CompanyBlocks");
        b.HasKey(x => new { x.TalentId, x.EmployerId });
        b.Property(x => x.TalentId).HasMaxLength(40);
        b.Property(x => x.EmployerId).HasMaxLength(40);
        b.HasOne<TalentProfile>().WithMany().HasForeignKey(x => x.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EmployerId);
    }
}

internal sealed class ResumeAttachmentConfiguration : IEntityTypeConfiguration<ResumeAttachment>
{
    public void Configure(EntityTypeBuilder<ResumeAttachment> b)
    {
        b.ToTable("ResumeAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.TalentId).HasMaxLength(40);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.FileHash).HasMaxLength(64);
        b.HasOne<TalentProfile>().WithMany().HasForeignKey(a => a.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.TalentId);
    }
}
