using Gongjiang.Application.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class OccupationRowConfiguration : IEntityTypeConfiguration<OccupationRow>
{
    public void Configure(EntityTypeBuilder<OccupationRow> b)
    {
        b.ToTable("Occupations");
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(10);
        b.HasIndex(o => o.Name);
    }
}

internal sealed class SkillStandardRowConfiguration : IEntityTypeConfiguration<SkillStandardRow>
{
    public void Configure(EntityTypeBuilder<SkillStandardRow> b)
    {
        b.ToTable("SkillStandardItems");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => new { s.OccupationCode, s.Grade });
    }
}

internal sealed class MajorRowConfiguration : IEntityTypeConfiguration<MajorRow>
{
    public void Configure(EntityTypeBuilder<MajorRow> b)
    {
        b.ToTable("Majors");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.Code);
    }
}

internal sealed class MajorOccupationRowConfiguration : IEntityTypeConfiguration<MajorOccupationRow>
{
    public void Configure(EntityTypeBuilder<MajorOccupationRow> b)
    {
        b.ToTable("MajorOccupations");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasIndex(m => m.MajorCode);
        b.HasIndex(m => m.OccupationCode);
    }
}

internal sealed class RegionRowConfiguration : IEntityTypeConfiguration<RegionRow>
{
    public void Configure(EntityTypeBuilder<RegionRow> b)
    {
        b.ToTable("Regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(6);
        b.HasIndex(r => r.ParentCode);
    }
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
    }
}
