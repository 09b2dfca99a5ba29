using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Market;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.DemoZone;

/// <summary>
/// On first start with an empty database, creates a deterministic, realistic demo zone (演示园区) from the market
/// generator, and the demo sign-ins for every role. All of it in one transaction: a crash leaves an empty database
/// that is seeded again on the next start, never half a zone.
/// </summary>
public sealed class DemoZoneSeeder(AppDbContext db, TaxonomyCatalog catalog, UserManager<AppUser> users, TimeProvider clock,
    ILogger<DemoZoneSeeder> logger)
{
    public const string ZoneId = "Z-QD-HTZ";
    public const string AgencyEmployerId = "E-HRS-0001";
    private const int BatchSize = 2000;

    /// <param name="spec">The market to generate; the demo zone's by default (a smaller one keeps tests quick).</param>
    public async Task<bool> SeedIfEmptyAsync(MarketSpec? spec = null, CancellationToken ct = default)
    {
        if (await db.Employers.AnyAsync(ct)) return false;

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var market = MarketGenerator.Generate((spec ?? MarketSpec.Demo()) with { Today = today }, catalog);
        logger.LogInformation("Seeding the demo zone: {Employers} employers, {Jobs} jobs, {Talent} talent",
            market.Employers.Count, market.JobCount, market.TalentCount);

        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Zones.Add(new Zone { Id = ZoneId, Name = "青岛高新技术产业开发区", CityCode = market.Spec.ZoneCityCode, Description = "演示园区" });
            foreach (var e in market.Employers) { e.ZoneId = ZoneId; Stamp(e, now); VerifiedRecently(e, now); }
            await AddInBatchesAsync(market.Employers, ct);
            db.Employers.Add(VerifiedRecently(Stamp(AgencyEmployer(), now), now));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var watch = System.Diagnostics.Stopwatch.StartNew();
            // Written skills are stored with the standard items they are read as, as every save does.
            await AddInBatchesAsync(market.Jobs.Select(j => { j.CreatedAt = j.UpdatedAt = now; Skills.SkillReadings.ReadSkillsOf(catalog, j); return j; }), ct);
            logger.LogInformation("Demo jobs written in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
            watch.Restart();
            for (var i = 0; i < market.TalentCount; i += BatchSize)
            {
                var end = Math.Min(market.TalentCount, i + BatchSize);
                for (var t = i; t < end; t++)
                {
                    var profile = market.TalentAt(t);
                    profile.CreatedAt = profile.UpdatedAt = now;
                    Skills.SkillReadings.ReadSkillsOf(catalog, profile);
                    db.Talent.Add(profile);
                    db.TalentContacts.Add(market.ContactAt(t));
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            logger.LogInformation("Demo talent written in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
            watch.Restart();
            // The generator's day runs to 23:59 UTC: the zone's history stops at the moment it is seeded, never in the future.
            await AddInBatchesAsync(MarketGenerator.GenerateOutcomes(market, market.Spec.Seed, jobsSampled: 1_200).Where(o => o.At <= now)
                .Select(o => { o.Id = 0; return o; }), ct);
            logger.LogInformation("Demo outcomes written in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
            db.ChangeTracker.AutoDetectChangesEnabled = true;

            await CreateAccountsAsync(market);
            await tx.CommitAsync(ct);
        });
        return true;
    }

    private static Employer Stamp(Employer e, DateTime now)
    {
        e.CreatedAt = e.UpdatedAt = now;
        return e;
    }

    private async Task AddInBatchesAsync<T>(IEnumerable<T> items, CancellationToken ct) where T : class
    {
        foreach (var batch in items.Chunk(BatchSize))
        {
            db.Set<T>().AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>An HR-service agency (人力资源服务机构) of the zone, for the headhunting demo account.</summary>
    private static Employer AgencyEmployer() => new()
    {
        Id = AgencyEmployerId, Name = "青岛匠才人力资源服务有限公司",
        Uscc = UnifiedSocialCreditCode.WithCheckCharacter("91370211" + OrgCode("MA3C7K2P")),
        CityCode = "370211", IndustryCluster = "智能制造", EnterpriseType = EnterpriseType.Sme, IsAgency = true,
        Verification = VerificationStatus.Verified, VerifiedAt = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
        ZoneId = ZoneId, Description = "园区人力资源服务产业园入驻机构：猎头、校园招聘、技能人才派遣。",
    };

    /// <summary>
    /// Demo verifications are recent relative to the clock, so they are within their 6-month validity and demo employers can
    /// publish; HR-service agencies get an approved 人力资源服务许可证.
    /// </summary>
    private static Employer VerifiedRecently(Employer e, DateTime now)
    {
        e.AccountClass = AccountClasses.Default(e.IsAgency);
        e.LicensedName = e.Name; // every demo employer applied with the name on its licence
        if (e.Verification == VerificationStatus.Verified)
        {
            var daysAgo = e.Id.Sum(c => c) % 90;
            e.VerifiedAt = now.Date.AddDays(-daysAgo);
            e.VerificationExpiresAt = EmployerVerification.ExpiresAfterApproval(e.VerifiedAt.Value);
        }
        if (e.AccountClass == AccountClass.HrService)
        {
            e.HrLicenceNumber = "（鲁）人服证字〔2025〕第" + (e.Id.Length > 4 ? e.Id[^4..] : e.Id) + "号";
            e.HrLicenceAuthority = "青岛市人力资源和社会保障局";
            e.HrLicenceValidUntil = DateOnly.FromDateTime(now).AddYears(3);
            e.HrLicenceStatus = HrLicenceStatus.Approved;
        }
        return e;
    }

    private static string OrgCode(string first8) => first8 + UnifiedSocialCreditCode.OrganisationCodeCheckCharacter(first8);

    private async Task CreateAccountsAsync(SyntheticMarket market)
    {
        var hrEmployer = market.Employers.First(e => e.Verification == VerificationStatus.Verified && e.EnterpriseType == EnterpriseType.ChainLeader
            || e.Verification == VerificationStatus.Verified);
        foreach (var account in DemoAccounts.All)
        {
            var user = new AppUser
            {
                UserName = account.UserName, DisplayName = account.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
                EmployerId = account.Role switch { Roles.EmployerHR => hrEmployer.Id, Roles.Agency => AgencyEmployerId, _ => null },
                TalentId = account.Role == Roles.Seeker ? market.TalentIdAt(0) : null,
                IsEmployerAdmin = account.Role is Roles.EmployerHR or Roles.Agency, // the company's first user manages its members
            };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            if (!created.Succeeded) throw new InvalidOperationException("Demo account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
        }
    }
}
