using Gongjiang.Application.Import;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Matching;

/// <summary>Recommendations people trust: nothing already applied to, 已申请 marked, a level a person understands.</summary>
public sealed class TrustedRecommendationsTests
{
    private const string Welder = "6-18-02-04";

    private static async Task SeedAsync(TestDatabase database)
    {
        await using (var scope = database.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportService>();
            await import.ImportEmployersAsync(new StringReader("""
                id,name,uscc,city,industry_cluster,enterprise_type
                E1,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
                """), "employers.csv");
            var jobs = string.Join('\n', new[] { "J1", "J2", "J3" }.Select(id => $$$"""
                {"id":"{{{id}}}","employer_id":"E1","title":"氩弧焊工","occupation_code":"{{{Welder}}}","min_grade":4,"skills":[{"name":"氩弧焊","weight":1}],"city":"370211","salary":{"min":7000,"max":11000},"posted_at":"2026-07-01","expires_at":"2099-12-31","description":"船舶分段氩弧焊接，五险一金"}
                """));
            await import.ImportJobsAsync(new StringReader(jobs), "jobs.jsonl");
            await import.ImportTalentAsync(new StringReader($$$"""
                {"id":"T1","name":"张伟","city":"370211","occupations":[{"code":"{{{Welder}}}","grade":3}],"skills":["氩弧焊"],"expected_salary":{"min":7000,"max":10000}}
                {"id":"T2","name":"李强","city":"370211","occupations":[{"code":"{{{Welder}}}","grade":4}],"skills":["氩弧焊"],"expected_salary":{"min":7000,"max":10000}}
                """), "talent.jsonl");
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Talent.ExecuteUpdateAsync(t => t.SetProperty(p => p.SharedWithZone, true));
        }
    }

    private static async Task<string[]> RecommendedJobsAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var found = (await scope.ServiceProvider.RunAsSeekerAsync("user-t1", "T1", new RecommendJobs.Query(10))).AssertValue();
        Assert.Equal(Enumerable.Range(1, found.Rows.Count), found.Rows.Select(r => r.Match.Rank));
        return found.Rows.Select(r => r.Job.Id).ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Jobs_applied_to_or_hired_for_leave_the_seekers_list_and_hr_sees_who_applied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        Assert.Equal(["J1", "J2", "J3"], (await RecommendedJobsAsync(database)).Order());

        await using (var scope = database.Scope())
            (await scope.ServiceProvider.RunAsSeekerAsync("user-t1", "T1", new ApplyToJob.Command("J1"))).AssertValue();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Outcomes.Add(new Outcome { JobId = "J2", TalentId = "T1", Stage = OutcomeStage.Hired, At = new DateTime(2026, 7, 2, 0, 0, 0, DateTimeKind.Utc) });
            db.Outcomes.Add(new Outcome { JobId = "J3", TalentId = "T1", Stage = OutcomeStage.Viewed, At = new DateTime(2026, 7, 2, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }
        Assert.Equal(["J3"], await RecommendedJobsAsync(database)); // seen is not applied: J3 stays

        await using (var scope = database.Scope())
        {
            var found = (await scope.ServiceProvider.RunAsHrAsync("user-hr", "E1", new RecommendTalent.Query("J1", 10))).AssertValue();
            Assert.Equal(["T1", "T2"], found.Rows.Select(r => r.Match.TalentId).Order());
            Assert.Equal(["T1"], found.Applied);
        }
    }

    [Theory]
    [InlineData(0.0, MatchLevel.Low)]
    [InlineData(MatchLevels.MediumFrom - 0.001, MatchLevel.Low)]
    [InlineData(MatchLevels.MediumFrom, MatchLevel.Medium)]
    [InlineData(MatchLevels.HighFrom - 0.001, MatchLevel.Medium)]
    [InlineData(MatchLevels.HighFrom, MatchLevel.High)]
    [InlineData(1.0, MatchLevel.High)]
    public void A_score_reads_as_a_level_at_the_stated_cut_points(double score, MatchLevel level) => Assert.Equal(level, MatchLevels.Of(score));

    [Fact]
    public void A_score_reads_as_a_whole_percent() =>
        Assert.Equal([0, 86, 100, 100], new[] { -0.2, 0.855, 1.0, 1.3 }.Select(MatchLevels.Percent));
}
