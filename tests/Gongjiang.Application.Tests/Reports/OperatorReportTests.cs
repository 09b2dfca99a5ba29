using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Reports;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongjiang.Application.Tests.Reports;

/// <summary>The operator's weekly trends and the monthly workbook, checked against counts made here from the seeded rows.</summary>
public sealed class OperatorReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private sealed record Seed(List<Employer> Employers, List<JobPosting> Jobs, List<TalentProfile> Talent, List<Outcome> Outcomes,
        List<ScreeningReview> Reviews, List<Complaint> Complaints);

    private static async Task<(TestDatabase Database, Seed Seed)> SeedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, new ManualClock(Now));
        var random = new Random(16);
        var at = Now.UtcDateTime;
        var employers = new List<Employer>
        {
            new() { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = at, UpdatedAt = at },
            new() { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = at, UpdatedAt = at },
            new() { Id = "E3", Name = "青岛某某服务有限公司", Uscc = "91370213MA3D1B5Q4C", CityCode = "370213", IndustryCluster = "", Verification = VerificationStatus.Pending, CreatedAt = at, UpdatedAt = at },
        };
        string?[] codes = ["6-18-02-04", "6-31-01-03", "6-18-01-01", "2-02-07-05", "4-01-02-04", null];
        // Instants from 2026-10-20 to 2026-12-05: some on either side of November's edges in China time.
        DateTime Instant() => new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 46 * 24 * 60));
        var jobs = Enumerable.Range(1, 60).Select(i => new JobPosting
        {
            Id = $"J{i}", EmployerId = employers[random.Next(3)].Id, Title = "岗位" + i, OccupationCode = codes[random.Next(codes.Length)], CityCode = "370211",
            SalaryMin = 5000, SalaryMax = 8000, Headcount = random.Next(1, 6), PostedAt = ChinaTime.Day(Instant()),
            Status = (JobStatus)random.Next(0, 5), Description = "岗位描述。", CreatedAt = at, UpdatedAt = at,
        }).ToList();
        jobs[0].PostedAt = new DateOnly(2026, 11, 1);
        jobs[0].Status = JobStatus.Open;
        jobs[1].PostedAt = new DateOnly(2026, 11, 30);
        jobs[1].Status = JobStatus.Closed;
        jobs[2].PostedAt = new DateOnly(2026, 12, 1);
        jobs[2].Status = JobStatus.Open;
        var talent = Enumerable.Range(1, 40).Select(i => new TalentProfile
        {
            Id = $"T{i}", CityCode = "370211", SharedWithZone = false, CreatedAt = Instant(), UpdatedAt = at,
            Occupations = codes[random.Next(codes.Length)] is { } code ? [new TalentOccupation { Code = code, Grade = random.Next(1, 6) }] : [],
        }).ToList();
        talent[0].CreatedAt = new DateTime(2026, 10, 31, 16, 30, 0, DateTimeKind.Utc); // 11-01 00:30 in China: November
        talent[1].CreatedAt = new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc); // 12-01 00:30 in China: December
        OutcomeStage[] stages = [OutcomeStage.Applied, OutcomeStage.Applied, OutcomeStage.Hired, OutcomeStage.Interviewed];
        var outcomes = Enumerable.Range(1, 150).Select(i => new Outcome
        {
            JobId = jobs[random.Next(jobs.Count)].Id, TalentId = talent[random.Next(talent.Count)].Id, Stage = stages[random.Next(stages.Length)], At = Instant(),
        }).ToList();
        var reviews = Enumerable.Range(1, 20).Select(i => new ScreeningReview
        {
            JobId = jobs[i].Id, EmployerId = jobs[i].EmployerId, Status = (ScreeningReviewStatus)random.Next(0, 4), RequestedByEmployer = random.Next(2) == 0,
            Findings = "pay_below_minimum", CreatedAt = Instant(),
        }).ToList();
        var complaints = Enumerable.Range(1, 20).Select(i => new Complaint
        {
            Id = $"C{i}", ReporterUserId = "user-seeker", EmployerId = employers[random.Next(3)].Id, Category = (ComplaintCategory)random.Next(0, 6),
            Status = (ComplaintStatus)random.Next(0, 4), Description = "面试时说的月薪比招聘信息上低。", CreatedAt = Instant(), UpdatedAt = at,
        }).ToList();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Employers.AddRange(employers);
            db.Jobs.AddRange(jobs);
            db.Talent.AddRange(talent);
            db.Outcomes.AddRange(outcomes);
            db.ScreeningReviews.AddRange(reviews);
            db.Complaints.AddRange(complaints);
            await db.SaveChangesAsync();
        }
        return (database, new Seed(employers, jobs, talent, outcomes, reviews, complaints));
    }

    private static bool InNovember(DateTime utc) => utc + China is { Year: 2026, Month: 11 };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_monthly_workbook_reads_back_with_the_months_figures(DatabaseProvider provider)
    {
        var (database, seed) = await SeedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var report = await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new ExportMonthlyReport.Query("2026-11"));
        Assert.True(report.Succeeded);
        Assert.Equal("gongjiang-monthly-2026-11.xlsx", report.Value.FileName);

        // Independent counts over the seeded rows.
        var catalog = TaxonomyCatalog.Default;
        var cluster = seed.Employers.ToDictionary(e => e.Id, e => e.IndustryCluster is { Length: > 0 } c ? c : "其他");
        string Group(string? code) => code is null ? "未填写" : catalog.FindOccupation(code[..1] + "-00-00-00")!.PlainName;
        var postings = seed.Jobs.Where(j => j.Status != JobStatus.Draft && j.PostedAt is { Year: 2026, Month: 11 }).ToList();
        var seekers = seed.Talent.Where(t => InNovember(t.CreatedAt)).ToList();
        var jobsById = seed.Jobs.ToDictionary(j => j.Id);
        var applied = seed.Outcomes.Where(o => o.Stage == OutcomeStage.Applied && InNovember(o.At)).Select(o => jobsById[o.JobId]).ToList();
        var hired = seed.Outcomes.Where(o => o.Stage == OutcomeStage.Hired && InNovember(o.At)).Select(o => jobsById[o.JobId]).ToList();
        var reviews = seed.Reviews.Where(r => InNovember(r.CreatedAt)).ToList();
        var complaints = seed.Complaints.Where(c => InNovember(c.CreatedAt)).ToList();
        Assert.Contains(seed.Jobs[0], postings);
        Assert.Contains(seed.Jobs[1], postings);
        Assert.DoesNotContain(seed.Jobs[2], postings);
        Assert.Contains(seed.Talent[0], seekers);
        Assert.DoesNotContain(seed.Talent[1], seekers);
        Assert.True(postings.Count > 5 && seekers.Count > 5 && applied.Count > 5 && hired.Count > 3 && reviews.Count > 3 && complaints.Count > 3);

        using var workbook = new MemoryStream(report.Value.Content);
        Assert.Equal(ExportMonthlyReport.SheetNames, MiniExcel.GetSheetNames(workbook));
        List<IDictionary<string, object>> Rows(string sheet) =>
            MiniExcel.Query(workbook, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
        static int Int(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

        var summary = Rows("汇总").ToDictionary(r => (string)r["项目"], r => r["数值"]);
        Assert.Equal("2026-11", summary["月份"]);
        Assert.Equal(postings.Count, Int(summary["新发布岗位"]));
        Assert.Equal(postings.Sum(j => j.Headcount), Int(summary["招聘人数"]));
        Assert.Equal(seekers.Count, Int(summary["新登记求职者"]));
        Assert.Equal(applied.Count, Int(summary["投递"]));
        Assert.Equal(hired.Count, Int(summary["录用"]));
        Assert.Equal(reviews.Count, Int(summary["筛查标记"]));
        Assert.Equal(complaints.Count, Int(summary["投诉"]));

        void AssertGrouped(string sheet, List<JobPosting> items, bool withOpenings)
        {
            var rows = Rows(sheet);
            var byCluster = rows.Where(r => (string)r["分类方式"] == "产业集群").ToDictionary(r => (string)r["类别"], r => Int(r["数量"]));
            Assert.Equal(items.GroupBy(j => cluster[j.EmployerId]).ToDictionary(g => g.Key, g => g.Count()), byCluster);
            var byGroup = rows.Where(r => (string)r["分类方式"] == "职业大类").ToDictionary(r => (string)r["类别"], r => Int(r["数量"]));
            Assert.Equal(items.GroupBy(j => Group(j.OccupationCode)).ToDictionary(g => g.Key, g => g.Count()), byGroup);
            var total = rows.Single(r => (string)r["分类方式"] == "合计");
            Assert.Equal(items.Count, Int(total["数量"]));
            if (withOpenings)
            {
                Assert.Equal(items.Sum(j => j.Headcount), Int(total["招聘人数"]));
                var openings = rows.Where(r => (string)r["分类方式"] == "产业集群").ToDictionary(r => (string)r["类别"], r => Int(r["招聘人数"]));
                Assert.Equal(items.GroupBy(j => cluster[j.EmployerId]).ToDictionary(g => g.Key, g => g.Sum(j => j.Headcount)), openings);
            }
        }
        AssertGrouped("岗位", postings, withOpenings: true);
        AssertGrouped("投递", applied, withOpenings: false);
        AssertGrouped("录用", hired, withOpenings: false);

        var seekerRows = Rows("求职者");
        Assert.DoesNotContain(seekerRows, r => (string)r["分类方式"] == "产业集群");
        Assert.Equal(seekers.GroupBy(t => Group(t.Occupations.FirstOrDefault()?.Code)).ToDictionary(g => g.Key, g => g.Count()),
            seekerRows.Where(r => (string)r["分类方式"] == "职业大类").ToDictionary(r => (string)r["类别"], r => Int(r["数量"])));

        var screening = Rows("筛查标记").ToDictionary(r => (string)r["状态"]);
        foreach (var status in Enum.GetValues<ScreeningReviewStatus>())
        {
            var row = screening[ExportMonthlyReport.ScreeningStatusName(status)];
            Assert.Equal(reviews.Count(r => r.Status == status), Int(row["数量"]));
            Assert.Equal(reviews.Count(r => r.Status == status && r.RequestedByEmployer), Int(row["企业申请复核"]));
        }
        Assert.Equal(reviews.Count, Int(screening["合计"]["数量"]));

        var byCategory = Rows("投诉").ToDictionary(r => (string)r["类别"]);
        foreach (var category in ComplaintCategories.All)
        {
            var row = byCategory[ComplaintCategories.ChineseName(category)];
            Assert.Equal(complaints.Count(c => c.Category == category), Int(row["收到"]));
            Assert.Equal(complaints.Count(c => c.Category == category && c.Status == ComplaintStatus.Upheld), Int(row["成立"]));
        }
        Assert.Equal(complaints.Count, Int(byCategory["合计"]["收到"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Weekly_trends_count_postings_applications_and_hires_per_china_week(DatabaseProvider provider)
    {
        var (database, seed) = await SeedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var trends = await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new GetZoneTrends.Query("2026-10-28", "2026-11-22"));
        Assert.True(trends.Succeeded);
        // A first partial week (Wednesday 10-28 to Sunday 11-01), then three whole weeks.
        Assert.Equal([new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16)],
            trends.Value.Weeks.Select(w => w.Start));
        foreach (var week in trends.Value.Weeks)
        {
            var last = week.Start == new DateOnly(2026, 10, 28) ? new DateOnly(2026, 11, 1) : week.Start.AddDays(6);
            bool In(DateOnly day) => day >= week.Start && day <= last;
            Assert.Equal(seed.Jobs.Count(j => j.Status != JobStatus.Draft && In(j.PostedAt)), week.Postings);
            Assert.Equal(seed.Outcomes.Count(o => o.Stage == OutcomeStage.Applied && In(DateOnly.FromDateTime(o.At + China))), week.Applications);
            Assert.Equal(seed.Outcomes.Count(o => o.Stage == OutcomeStage.Hired && In(DateOnly.FromDateTime(o.At + China))), week.Hires);
        }
        Assert.True(trends.Value.Postings > 0 && trends.Value.Applications > 0 && trends.Value.Hires > 0);

        // By default the last 12 weeks up to today (2026-12-05 in China, a Saturday).
        var recent = await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new GetZoneTrends.Query());
        Assert.Equal((new DateOnly(2026, 9, 14), new DateOnly(2026, 12, 5), 12), (recent.Value.From, recent.Value.To, recent.Value.Weeks.Count));

        (await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new GetZoneTrends.Query("2026-11-30", "2026-11-01"))).AssertFails(ErrorKind.Invalid, ReportErrors.FromAfterTo);
        (await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new GetZoneTrends.Query("2026/11/01"))).AssertFails(ErrorKind.Invalid, ReportErrors.NotDate);
        (await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new GetZoneTrends.Query("2020-01-01", "2026-11-01"))).AssertFails(ErrorKind.Invalid, ReportErrors.RangeTooLong);
        (await scope.ServiceProvider.RunAsAsync(Acting.Operator(), new ExportMonthlyReport.Query("2026-13"))).AssertFails(ErrorKind.Invalid, ReportErrors.NotMonth);
        (await scope.ServiceProvider.RunAsAsync(Acting.Hr("E1"), new GetZoneTrends.Query())).AssertFails(ErrorKind.Forbidden, ComplianceErrors.OperatorsOnly);
        (await scope.ServiceProvider.RunAsAsync(Acting.Hr("E1"), new ExportMonthlyReport.Query("2026-11"))).AssertFails(ErrorKind.Forbidden, ComplianceErrors.OperatorsOnly);
    }
}
