using Gongjiang.Application.Import;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Matching;

public sealed class MatchingIndexTests
{
    private const string Welder = "6-18-02-04", Electrician = "6-31-01-03";

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        await import.ImportEmployersAsync(new StringReader("""
            id,name,uscc,city,industry_cluster,enterprise_type
            E1,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
            """), "employers.csv");
        await import.ImportJobsAsync(new StringReader($$$"""
            {"id":"J1","employer_id":"E1","title":"氩弧焊工","occupation_code":"{{{Welder}}}","min_grade":4,"skills":[{"name":"氩弧焊","weight":0.6}],"city":"370211","salary":{"min":7000,"max":11000},"posted_at":"2026-07-01","expires_at":"2099-12-31","description":"船舶分段氩弧焊接，五险一金"}
            """), "jobs.jsonl");
        await import.ImportTalentAsync(new StringReader($$$"""
            {"id":"T1","name":"张伟","city":"370211","occupations":[{"code":"{{{Welder}}}","grade":3}],"skills":["氩弧焊"],"expected_salary":{"min":7000,"max":10000}}
            {"id":"T2","name":"李娜","city":"370211","occupations":[{"code":"{{{Electrician}}}","grade":4}],"skills":["电气设备装调维修"]}
            """), "talent.jsonl");
    }

    private static async Task<string[]> TalentForAsync(TestDatabase database, string jobId)
    {
        await using var scope = database.Scope();
        var list = await scope.ServiceProvider.GetRequiredService<RecommendationService>().TalentForJobAsync(jobId, 10);
        return list.Items.Select(r => r.TalentId).ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edited_job_a_new_profile_and_a_closed_job_show_in_matches_without_a_rebuild(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        MatchingEngineRef engine;
        await using (var scope = database.Scope())
            engine = new(await scope.ServiceProvider.GetRequiredService<MatchingIndex>().GetAsync());
        Assert.Equal(["T1"], await TalentForAsync(database, "J1"));

        // The employer turns the welding post into an electrician's post.
        await using (var scope = database.Scope())
        {
            var existing = (await scope.ServiceProvider.GetRequiredService<JobService>().FindAsync("J1"))!;
            var form = JobForm.From(existing);
            form.Title = "设备电工";
            form.OccupationCode = Electrician;
            form.Description = "负责车间电气设备的安装、调试和日常维修";
            form.Skills = [new JobSkillRow { Name = "电气设备装调维修", Weight = "100" }];
            var edited = await scope.ServiceProvider.RunAsEmployerAsync(existing.EmployerId, new SaveJob.Command("J1", form, Publish: false));
            Assert.Equal(JobStatus.Open, edited.Value.Job.Status);
        }
        Assert.Equal(["T2"], await TalentForAsync(database, "J1"));

        // A seeker saves a new profile (in a transaction: it is indexed on commit).
        await using (var scope = database.Scope())
        {
            var line = InterchangeJson.ParseLine<TalentLine>($$$"""
                {"name":"王强","city":"370211","occupations":[{"code":"{{{Electrician}}}","grade":3}],"skills":["电气设备装调维修"]}
                """, out var error)!;
            Assert.Null(error);
            Assert.NotNull((await scope.ServiceProvider.RunAsAsync(Acting.Seeker("user-t3", "T3"), new SaveProfile.Command(new ProfileLine(line)))).Value);
        }
        Assert.Equal(["T2", "T3"], (await TalentForAsync(database, "J1")).Order());

        // Closing the post takes it out of matching.
        await using (var scope = database.Scope())
            await scope.ServiceProvider.GetRequiredService<JobService>().SetStatusAsync("J1", JobStatus.Closed);
        Assert.Empty(await TalentForAsync(database, "J1"));

        await using (var scope = database.Scope())
            Assert.Same(engine.Value, await scope.ServiceProvider.GetRequiredService<MatchingIndex>().GetAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_personalization_a_seeker_gets_open_jobs_that_ignore_the_profile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var recommendations = scope.ServiceProvider.GetRequiredService<RecommendationService>();

        var personalized = await recommendations.JobsForSeekerAsync("T2", 10, personalized: true);
        var general = await recommendations.JobsForSeekerAsync("T2", 10, personalized: false);

        Assert.Empty(personalized.Items); // an electrician does not fit the welding post
        Assert.False(general.Personalized);
        Assert.Equal(["J1"], general.Items.Select(r => r.JobId));
    }

    private sealed record MatchingEngineRef(Gongjiang.Matching.Engine.MatchingEngine Value);
}
