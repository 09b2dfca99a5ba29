using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongjiang.Application.Reports;

/// <summary>
/// 月度报表 for the 人社局: one month (China time) as an XLSX workbook — a summary sheet, then postings published, new seeker
/// profiles, applications and hires by industry cluster and by occupation major group (大类), screening flags by state and
/// complaints by category. Applications and hires are the recruiting events (<see cref="Outcome"/>), as on the dashboard.
/// Operators and administrators only.
/// </summary>
public static class ExportMonthlyReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ByCluster = "产业集群", ByMajorGroup = "职业大类", Total = "合计", Other = "其他", NotGiven = "未填写";
    public static readonly string[] SheetNames = ["汇总", "岗位", "求职者", "投递", "录用", "筛查标记", "投诉"];

    /// <param name="Month">yyyy-MM; empty for the month before the current one.</param>
    public sealed record Query(string? Month = null) : IUseCase<ReportFile>;

    public sealed record ReportFile(byte[] Content, string FileName, Figures Figures);

    /// <summary>The month's headline figures (the summary sheet).</summary>
    public sealed record Figures(string Month, int Postings, int Openings, int NewSeekers, int Applications, int Hires, int ScreeningFlags, int Complaints);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, TaxonomyCatalog catalog) : IUseCaseHandler<Query, ReportFile>
    {
        public async Task<Result<ReportFile>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<ReportFile>();
            DateOnly first;
            if (string.IsNullOrWhiteSpace(query.Month))
            {
                var today = ChinaTime.Day(rules.Now);
                first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            }
            else if (DateOnly.TryParseExact(query.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) first = parsed;
            else return Error.Invalid("month", ReportErrors.NotMonth);
            var next = first.AddMonths(1);
            var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var start = ChinaTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
            var end = ChinaTime.ToUtc(next.ToDateTime(TimeOnly.MinValue));

            var clusters = await db.Employers.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.IndustryCluster, ct);
            string Cluster(string? employerId) =>
                employerId is not null && clusters.GetValueOrDefault(employerId) is { Length: > 0 } c ? c : Other;

            var postings = await db.Jobs.AsNoTracking().Where(j => j.Status != JobStatus.Draft && j.PostedAt >= first && j.PostedAt < next)
                .Select(j => new Item(j.EmployerId, j.OccupationCode, j.Headcount)).ToListAsync(ct);
            var seekers = (await db.Talent.AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end).Select(t => t.Occupations).ToListAsync(ct))
                .Select(o => new Item(null, o.OrderBy(x => x.Grade ?? 9).FirstOrDefault()?.Code, 1)).ToList();
            var events = await db.Outcomes.AsNoTracking()
                .Where(o => (o.Stage == OutcomeStage.Applied || o.Stage == OutcomeStage.Hired) && o.At >= start && o.At < end)
                .Join(db.Jobs, o => o.JobId, j => j.Id, (o, j) => new { o.Stage, j.EmployerId, j.OccupationCode }).ToListAsync(ct);
            var applications = events.Where(e => e.Stage == OutcomeStage.Applied).Select(e => new Item(e.EmployerId, e.OccupationCode, 1)).ToList();
            var hires = events.Where(e => e.Stage == OutcomeStage.Hired).Select(e => new Item(e.EmployerId, e.OccupationCode, 1)).ToList();
            var reviews = await db.ScreeningReviews.AsNoTracking().Where(r => r.CreatedAt >= start && r.CreatedAt < end)
                .Select(r => new { r.Status, r.RequestedByEmployer }).ToListAsync(ct);
            var complaints = await db.Complaints.AsNoTracking().Where(c => c.CreatedAt >= start && c.CreatedAt < end)
                .Select(c => new { c.Category, c.Status }).ToListAsync(ct);

            var figures = new Figures(month, postings.Count, postings.Sum(p => p.Openings), seekers.Count, applications.Count, hires.Count,
                reviews.Count, complaints.Count);
            string MajorGroup(string? code) =>
                code is { Length: > 0 } && catalog.FindOccupation(code[..1] + "-00-00-00") is { } group ? group.PlainName : NotGiven;

            List<Dictionary<string, object?>> Grouped(List<Item> items, bool withCluster, bool withOpenings)
            {
                var rows = new List<Dictionary<string, object?>>();
                void Add(string by, IEnumerable<IGrouping<string, Item>> groups)
                {
                    foreach (var g in groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                        rows.Add(Row(by, g.Key, g.Count(), withOpenings ? g.Sum(i => i.Openings) : null));
                }
                if (withCluster) Add(ByCluster, items.GroupBy(i => Cluster(i.EmployerId)));
                Add(ByMajorGroup, items.GroupBy(i => MajorGroup(i.OccupationCode)));
                rows.Add(Row(Total, "", items.Count, withOpenings ? items.Sum(i => i.Openings) : null));
                return rows;
                Dictionary<string, object?> Row(string by, string key, int count, int? openings)
                {
                    var row = new Dictionary<string, object?> { ["分类方式"] = by, ["类别"] = key, ["数量"] = count };
                    if (withOpenings) row["招聘人数"] = openings;
                    return row;
                }
            }

            var sheets = new Dictionary<string, object>
            {
                ["汇总"] = new List<Dictionary<string, object?>>
                {
                    Summary("月份", month), Summary("新发布岗位", figures.Postings), Summary("招聘人数", figures.Openings),
                    Summary("新登记求职者", figures.NewSeekers), Summary("投递", figures.Applications), Summary("录用", figures.Hires),
                    Summary("筛查标记", figures.ScreeningFlags), Summary("投诉", figures.Complaints),
                },
                ["岗位"] = Grouped(postings, withCluster: true, withOpenings: true),
                ["求职者"] = Grouped(seekers, withCluster: false, withOpenings: false),
                ["投递"] = Grouped(applications, withCluster: true, withOpenings: false),
                ["录用"] = Grouped(hires, withCluster: true, withOpenings: false),
                ["筛查标记"] = Enum.GetValues<ScreeningReviewStatus>().Select(s => new Dictionary<string, object?>
                {
                    ["状态"] = ScreeningStatusName(s),
                    ["筛查警示"] = reviews.Count(r => r.Status == s && !r.RequestedByEmployer),
                    ["企业申请复核"] = reviews.Count(r => r.Status == s && r.RequestedByEmployer),
                    ["数量"] = reviews.Count(r => r.Status == s),
                }).Append(new Dictionary<string, object?>
                {
                    ["状态"] = Total, ["筛查警示"] = reviews.Count(r => !r.RequestedByEmployer), ["企业申请复核"] = reviews.Count(r => r.RequestedByEmployer),
                    ["数量"] = reviews.Count,
                }).ToList(),
                ["投诉"] = ComplaintCategories.All.Select(c => new Dictionary<string, object?>
                {
                    ["类别"] = ComplaintCategories.ChineseName(c),
                    ["收到"] = complaints.Count(x => x.Category == c),
                    ["成立"] = complaints.Count(x => x.Category == c && x.Status == ComplaintStatus.Upheld),
                    ["不成立"] = complaints.Count(x => x.Category == c && x.Status == ComplaintStatus.Dismissed),
                    ["处理中"] = complaints.Count(x => x.Category == c && x.Status is ComplaintStatus.Submitted or ComplaintStatus.Investigating),
                }).Append(new Dictionary<string, object?>
                {
                    ["类别"] = Total, ["收到"] = complaints.Count, ["成立"] = complaints.Count(x => x.Status == ComplaintStatus.Upheld),
                    ["不成立"] = complaints.Count(x => x.Status == ComplaintStatus.Dismissed),
                    ["处理中"] = complaints.Count(x => x.Status is ComplaintStatus.Submitted or ComplaintStatus.Investigating),
                }).ToList(),
            };
            await using var workbook = new MemoryStream();
            await workbook.SaveAsAsync(sheets, cancellationToken: ct);
            return new ReportFile(workbook.ToArray(), $"gongjiang-monthly-{month}.xlsx", figures);
        }

        private static Dictionary<string, object?> Summary(string item, object value) => new() { ["项目"] = item, ["数值"] = value };
    }

    public static string ScreeningStatusName(ScreeningReviewStatus status) => status switch
    {
        ScreeningReviewStatus.Pending => "待复核", ScreeningReviewStatus.Approved => "已通过", ScreeningReviewStatus.SentBack => "已退回",
        _ => "已下架",
    };

    private sealed record Item(string? EmployerId, string? OccupationCode, int Openings);
}
