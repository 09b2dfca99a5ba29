using System.Linq.Expressions;
using Gongjiang.Application.Import;
using Gongjiang.Application.Search;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// A search over postings. <see cref="Words"/> are the search box read by <see cref="SearchWords"/>, combined with AND; the
/// other filters are what a seeker brings: pay wanted, their education, years and grade (postings asking no more), benefits,
/// how recent.
/// </summary>
public sealed record JobQuery
{
    public IReadOnlyList<SearchWord> Words { get; init; } = [];
    public string? CityCode { get; init; }
    public string? OccupationCode { get; init; }
    public string? EmployerId { get; init; }
    /// <summary>Postings whose pay reaches this (their maximum is at least it).</summary>
    public int? PayMin { get; init; }
    /// <summary>Postings whose pay starts at or below this.</summary>
    public int? PayMax { get; init; }
    /// <summary>The seeker's education: postings asking at most this (or nothing).</summary>
    public EducationLevel? Education { get; init; }
    /// <summary>The seeker's years of experience: postings asking at most this many (or none).</summary>
    public double? Experience { get; init; }
    /// <summary>The seeker's skill grade (5 初级 … 1 高级技师): postings asking this grade or a lower one (or none).</summary>
    public int? Grade { get; init; }
    /// <summary>Benefit tags (<see cref="BenefitTags"/>) the posting must carry, any or all of them; null for no filter.</summary>
    public BenefitFilter? Benefits { get; init; }
    /// <summary>Posted on one of the last this many days (China time), today included.</summary>
    public int? PostedWithinDays { get; init; }
    public JobSort Sort { get; init; } = JobSort.Newest;
    public bool OpenOnly { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>The orders of a job search: relevance (words in the title and the occupation weigh most), newest, best pay.</summary>
public enum JobSort { Relevance, Newest, Pay }

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => (Total + PageSize - 1) / Math.Max(1, PageSize);
}

/// <summary>Job postings: search, read and status changes. Saving and publishing are the use cases <see cref="SaveJob"/> and <see cref="PublishJob"/>.</summary>
public sealed class JobService(AppDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<JobPosting>> SearchAsync(JobQuery q, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(q.PageSize, 1, 100);
        var page = Math.Max(1, q.Page);
        var query = db.Jobs.AsNoTracking();
        if (q.OpenOnly)
        {
            var today = Today;
            query = query.Where(j => j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today));
        }
        if (!string.IsNullOrWhiteSpace(q.EmployerId)) query = query.Where(j => j.EmployerId == q.EmployerId);
        if (!string.IsNullOrWhiteSpace(q.CityCode)) query = InRegion(query, q.CityCode);
        if (!string.IsNullOrWhiteSpace(q.OccupationCode)) query = InOccupation(query, q.OccupationCode);
        var relevance = new List<Expression<Func<JobPosting, int>>>();
        foreach (var word in q.Words)
        {
            switch (word.Kind)
            {
                case WordKind.City:
                    query = InRegion(query, word.Code!);
                    break;
                case WordKind.Experience:
                    var years = (double)word.Years!.Value;
                    query = query.Where(j => j.ExperienceMinYears == null || j.ExperienceMinYears <= years);
                    break;
                case WordKind.Benefit:
                    query = query.Where(BenefitFilter.Offers(word.Code!));
                    break;
                case WordKind.Occupation:
                {
                    var prefix = SearchWords.OccupationPrefix(word.Code!);
                    var text = word.Text;
#pragma warning disable CA1310, CA1311, CA1862 // translated to SQL, where no culture applies
                    query = query.Where(j => (j.OccupationCode != null && j.OccupationCode.StartsWith(prefix))
                        || j.Title.ToLower().Contains(text) || j.Description.ToLower().Contains(text));
                    relevance.Add(j => (j.OccupationCode != null && j.OccupationCode.StartsWith(prefix) ? 2 : 0) + (j.Title.ToLower().Contains(text) ? 3 : 0));
#pragma warning restore CA1310, CA1311, CA1862
                    break;
                }
                default:
                {
                    var text = word.Text;
#pragma warning disable CA1311, CA1862 // lower() in SQL: case-insensitive for Latin letters on both databases
                    query = query.Where(j => j.Title.ToLower().Contains(text) || j.Description.ToLower().Contains(text));
                    relevance.Add(j => j.Title.ToLower().Contains(text) ? 3 : 1);
#pragma warning restore CA1311, CA1862
                    break;
                }
            }
        }
        if (q.PayMin is { } payMin) query = query.Where(j => j.SalaryMax >= payMin);
        if (q.PayMax is { } payMax) query = query.Where(j => j.SalaryMin <= payMax);
        if (q.Education is { } level)
        {
            var within = Enum.GetValues<EducationLevel>().Where(l => l <= level).Cast<EducationLevel?>().ToList();
            query = query.Where(j => j.EducationMin == null || within.Contains(j.EducationMin));
        }
        if (q.Experience is { } experience) query = query.Where(j => j.ExperienceMinYears == null || j.ExperienceMinYears <= experience);
        if (q.Grade is { } grade) query = query.Where(j => j.MinGrade == null || j.MinGrade >= grade);
        if (q.PostedWithinDays is { } days)
        {
            var since = ChinaTime.Day(clock.GetUtcNow().UtcDateTime).AddDays(1 - days);
            query = query.Where(j => j.PostedAt >= since);
        }
        if (q.Benefits is { } benefits) query = benefits.Apply(query);
        var total = await query.CountAsync(ct);
        IOrderedQueryable<JobPosting> ordered;
        if (q.Sort == JobSort.Pay) ordered = query.OrderByDescending(j => j.SalaryMax).ThenByDescending(j => j.SalaryMin).ThenByDescending(j => j.PostedAt);
        else if (q.Sort == JobSort.Relevance && relevance.Count > 0) ordered = query.OrderByDescending(Sum(relevance)).ThenByDescending(j => j.PostedAt);
        else ordered = query.OrderByDescending(j => j.PostedAt);
        var items = await ordered.ThenBy(j => j.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<JobPosting>(items, page, pageSize, total);
    }

    private static IQueryable<JobPosting> InRegion(IQueryable<JobPosting> query, string regionCode)
    {
        var prefix = SearchWords.RegionPrefix(regionCode);
        return query.Where(j => j.CityCode.StartsWith(prefix));
    }

    private static IQueryable<JobPosting> InOccupation(IQueryable<JobPosting> query, string occupationCode)
    {
        var prefix = SearchWords.OccupationPrefix(occupationCode.Trim());
#pragma warning disable CA1310 // translated to SQL (LIKE 'prefix%'), where no culture applies
        return query.Where(j => j.OccupationCode != null && j.OccupationCode.StartsWith(prefix));
#pragma warning restore CA1310
    }

    /// <summary>One score expression adding up the parts.</summary>
    private static Expression<Func<JobPosting, int>> Sum(List<Expression<Func<JobPosting, int>>> parts)
    {
        var job = Expression.Parameter(typeof(JobPosting), "j");
        Expression sum = Expression.Constant(0);
        foreach (var part in parts) sum = Expression.Add(sum, new ParameterSwap(part.Parameters[0], job).Visit(part.Body));
        return Expression.Lambda<Func<JobPosting, int>>(sum, job);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public Task<JobPosting?> FindAsync(string id, CancellationToken ct = default) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>Closes, expires or drafts a posting. Opening goes through <see cref="PublishJob"/>.</summary>
    public async Task SetStatusAsync(string id, JobStatus status, CancellationToken ct = default)
    {
        if (status == JobStatus.Open) throw new InvalidOperationException("Postings open only through publishing.");
        var job = await db.Jobs.FirstAsync(j => j.Id == id, ct);
        job.Status = status;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
