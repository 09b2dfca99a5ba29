using Gongjiang.Application.Identity;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> b)
    {
        b.HasKey(z => z.Id);
        b.Property(z => z.Id).HasMaxLength(40);
        b.Property(z => z.Name).HasMaxLength(200);
        b.Property(z => z.CityCode).HasMaxLength(6);
    }
}

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(40);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Uscc).HasMaxLength(18);
        b.HasIndex(e => e.Uscc);
        b.Property(e => e.CityCode).HasMaxLength(6);
        b.Property(e => e.IndustryCluster).HasMaxLength(40);
        b.Property(e => e.ZoneId).HasMaxLength(40);
        b.Ignore(e => e.CanPublish);
        b.HasIndex(e => e.Verification);
        b.Property(e => e.LicensedName).HasMaxLength(200);
        b.Property(e => e.HrLicenceNumber).HasMaxLength(60);
        b.Property(e => e.HrLicenceAuthority).HasMaxLength(100);
        b.Property(e => e.HrLicenceFileHash).HasMaxLength(64);
        b.Property(e => e.HrLicenceContentType).HasMaxLength(40);
        b.HasIndex(e => e.VerificationExpiresAt);
    }
}

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> b)
    {
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).HasMaxLength(40);
        b.Property(j => j.EmployerId).HasMaxLength(40);
        b.HasOne<Employer>().WithMany().HasForeignKey(j => j.EmployerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(j => j.Title).HasMaxLength(200);
        b.Property(j => j.OccupationCode).HasMaxLength(10);
        b.Property(j => j.CityCode).HasMaxLength(6);
        b.OwnsMany(j => j.Skills, s => s.ToJson());
        b.HasIndex(j => new { j.Status, j.OccupationCode });
        b.HasIndex(j => j.EmployerId);
        b.HasIndex(j => j.CityCode);
    }
}

internal sealed class TalentProfileConfiguration : IEntityTypeConfiguration<TalentProfile>
{
    public void Configure(EntityTypeBuilder<TalentProfile> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.Gender).HasMaxLength(10);
        b.Property(t => t.CityCode).HasMaxLength(6);
        b.OwnsOne(t => t.Education, e =>
        {
            e.Property(x => x.Level).HasColumnName("EducationLevel");
            e.Property(x => x.MajorCode).HasColumnName("MajorCode").HasMaxLength(12);
            e.Property(x => x.School).HasColumnName("School").HasMaxLength(100);
            e.Property(x => x.GraduationYear).HasColumnName("GraduationYear");
        });
        b.Navigation(t => t.Education).IsRequired();
        b.OwnsMany(t => t.Occupations, o => o.ToJson());
        b.OwnsMany(t => t.SkillChoices, c => c.ToJson());
        b.OwnsMany(t => t.WorkHistory, w => w.ToJson());
        b.HasIndex(t => t.CityCode);
    }
}

internal sealed class TalentContactConfiguration : IEntityTypeConfiguration<TalentContact>
{
    public void Configure(EntityTypeBuilder<TalentContact> b)
    {
        b.ToTable("TalentContacts");
        b.HasKey(c => c.TalentId);
        b.Property(c => c.TalentId).HasMaxLength(40);
        b.HasOne<TalentProfile>().WithOne().HasForeignKey<TalentContact>(c => c.TalentId).OnDelete(DeleteBehavior.Cascade);
        // Sealed at rest (Privacy.PersonalDataModel): the columns hold key id + AES-GCM ciphertext, hence the lengths.
        b.Property(c => c.Name).HasMaxLength(600);
        b.Property(c => c.Phone).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(600);
        b.Property(c => c.IdNumber).HasMaxLength(200);
        // Blind indexes (HMAC-SHA256) for lookups by phone or ID number without the plain value.
        b.Property<string?>(Privacy.PersonalDataModel.PhoneIndex).HasMaxLength(64);
        b.Property<string?>(Privacy.PersonalDataModel.IdNumberIndex).HasMaxLength(64);
        // A phone number belongs to one person: it signs in by it and receives the codes that reset passwords.
        b.HasIndex(Privacy.PersonalDataModel.PhoneIndex).IsUnique();
        b.HasIndex(Privacy.PersonalDataModel.IdNumberIndex);
    }
}

internal sealed class PhoneCodeConfiguration : IEntityTypeConfiguration<Identity.PhoneCode>
{
    public void Configure(EntityTypeBuilder<Identity.PhoneCode> b)
    {
        b.ToTable("PhoneCodes");
        b.HasKey(c => c.Id);
        b.Property(c => c.PhoneIndex).HasMaxLength(64);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.Property(c => c.AddressIndex).HasMaxLength(64);
        b.HasIndex(c => new { c.PhoneIndex, c.CreatedAt });
        b.HasIndex(c => new { c.AddressIndex, c.CreatedAt });
    }
}

internal sealed class PrivacyConsentConfiguration : IEntityTypeConfiguration<Privacy.PrivacyConsent>
{
    public void Configure(EntityTypeBuilder<Privacy.PrivacyConsent> b)
    {
        b.ToTable("PrivacyConsents");
        b.HasKey(c => c.Id);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.PolicyVersion).HasMaxLength(40);
        b.Property(c => c.Purpose).HasMaxLength(40);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.UserId);
    }
}

internal sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<Privacy.ErasureRecord>
{
    public void Configure(EntityTypeBuilder<Privacy.ErasureRecord> b)
    {
        b.ToTable("ErasureRecords");
        b.HasKey(e => e.Id);
        b.Property(e => e.Reference).HasMaxLength(40);
        b.Property(e => e.Reason).HasMaxLength(20);
        b.HasIndex(e => e.ErasedAt);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.JobId).HasMaxLength(40);
        b.Property(o => o.TalentId).HasMaxLength(40);
        b.HasIndex(o => new { o.JobId, o.TalentId, o.Stage, o.At }).IsUnique();
        b.HasIndex(o => o.At);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.EmployerId).HasMaxLength(40);
        b.Property(u => u.TalentId).HasMaxLength(40);
        // An HR or operator account's mobile number, sealed like a seeker's (PersonalDataModel), found by its blind index;
        // a seeker's number is the one on their profile's contact. One number, one account.
        b.Property(u => u.PhoneNumber).HasMaxLength(200);
        b.Property(u => u.PhoneIndex).HasMaxLength(64);
        b.HasIndex(u => u.PhoneIndex).IsUnique();
    }
}
