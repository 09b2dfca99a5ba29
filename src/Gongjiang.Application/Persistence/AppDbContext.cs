using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Persistence;

/// <summary>
/// The system of record. One model for both providers; each provider has its own migrations
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>). It also keeps the key ring that signs sign-in
/// cookies and form tokens, so every node reading the same database accepts what another issued, and a restart signs
/// nobody out.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Zone> Zones => Set<Zone>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<JobPosting> Jobs => Set<JobPosting>();
    public DbSet<TalentProfile> Talent => Set<TalentProfile>();
    public DbSet<TalentContact> TalentContacts => Set<TalentContact>();
    public DbSet<JobMark> JobMarks => Set<JobMark>();
    public DbSet<CompanyBlock> CompanyBlocks => Set<CompanyBlock>();
    public DbSet<ResumeAttachment> ResumeAttachments => Set<ResumeAttachment>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<JobApplication> Applications => Set<JobApplication>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<OfferCard> OfferCards => Set<OfferCard>();
    public DbSet<HeadhuntingProject> HeadhuntingProjects => Set<HeadhuntingProject>();
    public DbSet<ProjectCandidate> ProjectCandidates => Set<ProjectCandidate>();
    public DbSet<CampusCampaign> CampusCampaigns => Set<CampusCampaign>();
    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();
    public DbSet<CampusTalk> CampusTalks => Set<CampusTalk>();
    public DbSet<OccupationRow> Occupations => Set<OccupationRow>();
    public DbSet<SkillStandardRow> SkillStandardItems => Set<SkillStandardRow>();
    public DbSet<MajorRow> Majors => Set<MajorRow>();
    public DbSet<MajorOccupationRow> MajorOccupations => Set<MajorOccupationRow>();
    public DbSet<RegionRow> Regions => Set<RegionRow>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<Privacy.PrivacyConsent> PrivacyConsents => Set<Privacy.PrivacyConsent>();
    public DbSet<Privacy.ErasureRecord> ErasureRecords => Set<Privacy.ErasureRecord>();

    /// <summary>Seals personal information at rest; set by <see cref="DatabaseTarget.CreateContext"/> (null at design time).</summary>
    public Privacy.PersonalDataProtector? Protector { get; internal set; }
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<Chat.Conversation> Conversations => Set<Chat.Conversation>();
    public DbSet<Chat.ChatMessage> ChatMessages => Set<Chat.ChatMessage>();
    public DbSet<LiveRooms.LiveRoom> LiveRooms => Set<LiveRooms.LiveRoom>();
    public DbSet<ServiceLogEntry> ServiceLog => Set<ServiceLogEntry>();
    public DbSet<ScreeningReview> ScreeningReviews => Set<ScreeningReview>();
    public DbSet<Import.ImportTask> ImportTasks => Set<Import.ImportTask>();
    public DbSet<Import.ImportTaskFile> ImportTaskFiles => Set<Import.ImportTaskFile>();
    public DbSet<PhoneCode> PhoneCodes => Set<PhoneCode>();
    public DbSet<EmployerInvite> EmployerInvites => Set<EmployerInvite>();
    public DbSet<ApiCredential> ApiCredentials => Set<ApiCredential>();
    public DbSet<Core.Catalogue.DemandSurvey> DemandSurveys => Set<Core.Catalogue.DemandSurvey>();
    public DbSet<Core.Catalogue.SurveyStratum> SurveyStrata => Set<Core.Catalogue.SurveyStratum>();
    public DbSet<Core.Catalogue.SurveyInvitation> SurveyInvitations => Set<Core.Catalogue.SurveyInvitation>();
    public DbSet<Core.Catalogue.SurveyNeed> SurveyNeeds => Set<Core.Catalogue.SurveyNeed>();

    // Postings and recent service-log rows are never deleted (RetentionGuard); every save is checked.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RetentionGuard.Check(ChangeTracker, DateTime.UtcNow);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RetentionGuard.Check(ChangeTracker, DateTime.UtcNow);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Protector is not null) Privacy.PersonalDataModel.Apply(builder, Protector);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the data reads the same in either database and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Postings from before benefit tags have none: with a default the array column joins tables that hold postings.
        builder.Entity<JobPosting>().Property(j => j.Benefits).HasDefaultValueSql("ARRAY[]::text[]");
    }
}
