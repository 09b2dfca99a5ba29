using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Import;

public sealed class ImportScreeningTests
{
    private const string Employers = """
        id,name,uscc,city,industry_cluster,enterprise_type
        E0001,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
        """;

    private static string Job(string id, string description) =>
        $$"""{"id":"{{id}}","employer_id":"E0001","title":"数控车工","occupation_code":"6-18-01-01","min_grade":4,"skills":[{"name":"数控车床编程","weight":0.6}],"city":"370211","salary":{"min":7000,"max":10000},"posted_at":"2026-07-01","expires_at":"2026-12-31","description":"{{description}}"}""";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Open_postings_with_blocking_content_are_imported_as_drafts_and_reported_but_not_skipped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        await import.ImportEmployersAsync(new StringReader(Employers), "employers.csv");

        // J1 lacks headcount and 招聘条件 (missing fields) but is otherwise clean: it stays open.
        var lines = string.Join('\n', Job("J1", "负责数控车床操作"), Job("J2", "负责数控车床操作，限男性，入职需交押金500元"));
        var report = await import.ImportJobsAsync(new StringReader(lines), "jobs.jsonl");

        Assert.Equal(2, report.Inserted);
        Assert.Equal(0, report.Skipped); // the import contract: stored rows are not skipped, the exit code stays 0
        var notice = Assert.Single(report.Notices);
        Assert.StartsWith("jobs.jsonl:2: stored as draft", notice.ToString());
        Assert.Contains("gender", notice.Reason);
        Assert.Contains("fee_deposit", notice.Reason);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var statuses = await db.Jobs.AsNoTracking().OrderBy(j => j.Id).Select(j => j.Status).ToListAsync();
        Assert.Equal([JobStatus.Open, JobStatus.Draft], statuses);
    }
}
