using Gongjiang.Core.Campus;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class CampusCampaignConfiguration : IEntityTypeConfiguration<CampusCampaign>
{
    public void Configure(EntityTypeBuilder<CampusCampaign> b)
    {
        b.ToTable("CampusCampaigns");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.EmployerId).HasMaxLength(40);
        b.Property(c => c.Title).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Message).HasMaxLength(500);
        b.HasIndex(c => c.EmployerId);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Talks).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignRecipientConfiguration : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> b)
    {
        b.ToTable("CampusCampaignRecipients");
        b.HasKey(r => r.Id);
        b.Property(r => r.CampaignId).HasMaxLength(40);
        b.Property(r => r.TalentId).HasMaxLength(40);
        b.Property(r => r.Response).HasMaxLength(32);
        b.HasIndex(r => new { r.CampaignId, r.TalentId }).IsUnique(); // one notice per seeker per campaign
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(r => r.TalentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampusTalkConfiguration : IEntityTypeConfiguration<CampusTalk>
{
    public void Configure(EntityTypeBuilder<CampusTalk> b)
    {
        b.ToTable("CampusTalks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.CampaignId).HasMaxLength(40);
        b.Property(t => t.School).HasMaxLength(100);
        b.Property(t => t.Place).HasMaxLength(200);
        b.HasIndex(t => t.StartsAt);
        b.HasMany(t => t.Signups).WithOne().HasForeignKey(s => s.TalkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TalkSignupConfiguration : IEntityTypeConfiguration<TalkSignup>
{
    public void Configure(EntityTypeBuilder<TalkSignup> b)
    {
        b.ToTable("CampusTalkSignups");
        b.HasKey(s => s.Id);
        b.Property(s => s.TalkId).HasMaxLength(40);
        b.Property(s => s.TalentId).HasMaxLength(40);
        b.HasIndex(s => new { s.TalkId, s.TalentId }).IsUnique();
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(s => s.TalentId).OnDelete(DeleteBehavior.Cascade);
    }
}
