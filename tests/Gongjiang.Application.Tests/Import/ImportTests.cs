using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Import;

public sealed class ImportTests
{
    private const string Employers = """
        id,name,uscc,city,industry_cluster,enterprise_type
        E0001,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
        E0002,青岛蓝芯微电子有限公司,91370212MA3D1B5Q4B,370212,集成电路,champion
        E0003,缺列公司,91370211MA3C7K2P3D,370211
        E0004,未知城市公司,91370211MA3C7K2P3D,999999,新材料,sme
        E0001,重复编号公司,91370211MA3C7K2P3D,370211,新材料,sme
        E0005,类型错误公司,91370211MA3C7K2P3D,370211,新材料,giant
        """;

    private static string Job(string id, string employer = "E0001", string extra = "") =>
        $$"""{"id":"{{id}}","employer_id":"{{employer}}","title":"数控车工（五险一金）","occupation_code":"6-18-01-01","min_grade":4,"skills":[{"name":"数控车床编程","weight":0.6}],"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"posted_at":"2026-07-01","expires_at":"2026-12-31","description":"负责数控车床操作"{{extra}}}""";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_employer_rows_are_reported_by_line_and_good_rows_are_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportEmployersAsync(new StringReader(Employers), "employers.csv");

        Assert.Equal(2, report.Inserted);
        Assert.Equal(
            [
                "employers.csv:4: expected 6 columns, found 4",
                "employers.csv:5: unknown city code '999999'",
                "employers.csv:6: duplicate id E0001 (first given earlier in this file)",
                "employers.csv:7: unknown enterprise_type 'giant'",
            ],
            report.Problems.Select(p => p.ToString()));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["E0001", "E0002"], await db.Employers.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal("青岛海卓精密机械有限公司", (await db.Employers.FindAsync("E0001"))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_job_lines_are_reported_and_skipped_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        await import.ImportEmployersAsync(new StringReader(Employers), "employers.csv");

        var lines = string.Join('\n',
            Job("J1"),
            "{\"id\":\"J2\",\"title\":",
            Job("J3").Replace("6-18-01-01", "9-99-99-99"),
            Job("J4").Replace("\"min\":7000", "\"min\":12000"),
            Job("J1"),
            Job("J5", employer: "E9999"),
            Job("J6").Replace("370211", "000000"),
            Job("J7"));
        var report = await import.ImportJobsAsync(new StringReader(lines), "jobs.jsonl");

        Assert.Equal(2, report.Inserted);
        var problems = report.Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(6, problems.Count);
        Assert.StartsWith("jobs.jsonl:2: malformed JSON", problems[0]);
        Assert.Equal("jobs.jsonl:3: occupation_code: unknown occupation code '9-99-99-99'", problems[1]);
        Assert.Equal("jobs.jsonl:4: salary: min 12000 is greater than max 10000", problems[2]);
        Assert.Equal("jobs.jsonl:5: duplicate id J1 (first given earlier in this file)", problems[3]);
        Assert.Equal("jobs.jsonl:6: unknown employer_id 'E9999'", problems[4]);
        Assert.Equal("jobs.jsonl:7: city: unknown city code '000000'", problems[5]);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Jobs.SingleAsync(j => j.Id == "J1");
        Assert.Equal(JobStatus.Open, job.Status);
        Assert.Equal("数控车床编程", Assert.Single(job.Skills).Name);
        Assert.Equal(new DateOnly(2026, 12, 31), job.ExpiresAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_again_updates_by_id_instead_of_duplicating(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportService>();
            await import.ImportEmployersAsync(new StringReader(Employers), "employers.csv");
            await import.ImportJobsAsync(new StringReader(Job("J1")), "jobs.jsonl");
        }
        await using (var scope = database.Scope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ImportService>()
                .ImportJobsAsync(new StringReader(Job("J1").Replace("\"headcount\":3", "\"headcount\":8")), "jobs.jsonl");
            Assert.Equal((0, 1), (report.Inserted, report.Updated));
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var job = await db.Jobs.SingleAsync();
            Assert.Equal(8, job.Headcount);
            Assert.True(job.CreatedAt > new DateTime(2000, 1, 1), "an update must keep the time the posting was first recorded");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_talent_row_is_stored_with_its_contact_kept_apart_or_not_at_all(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        const string good = """{"id":"T000123","name":"张伟","phone":"13800000000","gender":"male","birth_year":1995,"city":"370211","willing_cities":["370211","370200"],"education":{"level":"associate","major_code":"460103","school":"青岛职业技术学院","graduation_year":2018},"occupations":[{"code":"6-18-02-04","grade":3,"certified":true}],"skills":["氩弧焊","焊接工艺评定"],"experience_years":6.5,"expected_salary":{"min":7000,"max":10000},"desired_titles":["焊工","焊接技术员"],"resume_text":"六年焊接经验"}""";
        var bad = good.Replace("T000123", "T000124").Replace("\"grade\":3", "\"grade\":7");
        var report = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportTalentAsync(new StringReader(good + "\n" + bad), "talent.jsonl");

        Assert.Equal("talent.jsonl:2: occupations[0].grade: must be 1…5 or null, got 7", Assert.Single(report.Problems).ToString());
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = await db.Talent.SingleAsync();
        Assert.Equal(3, Assert.Single(profile.Occupations).Grade);
        Assert.Equal(["370211", "370200"], profile.WillingCities);
        Assert.Equal("13800000000", (await db.TalentContacts.SingleAsync()).Phone);
        Assert.False(await db.TalentContacts.AnyAsync(c => c.TalentId == "T000124"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Outcomes_refer_to_known_jobs_and_talent_and_import_idempotently(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        await import.ImportEmployersAsync(new StringReader(Employers), "employers.csv");
        await import.ImportJobsAsync(new StringReader(Job("J1")), "jobs.jsonl");
        await import.ImportTalentAsync(new StringReader("""{"id":"T1","name":"李娜","city":"370211"}"""), "talent.jsonl");
        const string outcomes = """
            job_id,talent_id,stage,at
            J1,T1,applied,2026-07-02T09:00:00Z
            J1,T1,hired,2026-07-20T09:00:00Z
            J1,T9,applied,2026-07-02T09:00:00Z
            J1,T1,promoted,2026-07-02T09:00:00Z
            J1,T1,interviewed,yesterday
            """;
        var first = await import.ImportOutcomesAsync(new StringReader(outcomes), "outcomes.csv");
        Assert.Equal(2, first.Inserted);
        Assert.Equal(
            ["outcomes.csv:4: unknown talent_id 'T9'", "outcomes.csv:5: unknown stage 'promoted'", "outcomes.csv:6: 'at' is not an ISO-8601 time: 'yesterday'"],
            first.Problems.Select(p => p.ToString()));
        var second = await import.ImportOutcomesAsync(new StringReader(outcomes), "outcomes.csv");
        Assert.Equal(0, second.Inserted);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outcomes.CountAsync());
    }
}
