using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// The employer's own postings in every state (岗位管理), newest change first, by state and title words, paged, with the
/// number in each state as a reader sees it today (an open posting past its date counts as expired).
/// </summary>
public static class ListOwnJobs
{
    public sealed record Query(JobStatus? Status = null, string? Text = null, int Page = 1, int PageSize = 20) : IUseCase<OwnJobs>;

    /// <param name="WhyCannotPublish">The code of the publishing gate the employer is held at, or null when it may publish.</param>
    /// <param name="NewApplicants">Applications not looked at yet (still 已申请), by posting of this page.</param>
    /// <param name="NewApplicantsTotal">Applications not looked at yet over all the employer's postings.</param>
    public sealed record OwnJobs(Employer Employer, DateOnly Today, IReadOnlyList<JobPosting> Items, int Page, int Total,
        IReadOnlyDictionary<JobStatus, int> Counts, string? WhyCannotPublish, IReadOnlyDictionary<string, int> NewApplicants, int NewApplicantsTotal);

    public sealed class Handler(AppDbContext db, PostingRules rules) : IUseCaseHandler<Query, OwnJobs>
    {
        public async Task<Result<OwnJobs>> HandleAsync(Query query, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<OwnJobs>();
            var today = rules.Today;
            var all = db.Jobs.AsNoTracking().Where(j => j.EmployerId == employer.Value.Id);
            var states = await all.Select(j => new { j.Status, j.ExpiresAt }).ToListAsync(ct);
            var counts = states.GroupBy(j => new JobPosting { Status = j.Status, ExpiresAt = j.ExpiresAt }.StatusOn(today))
                .ToDictionary(g => g.Key, g => g.Count());

            var filtered = query.Status switch
            {
                null => all,
                JobStatus.Open => all.Where(j => j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today)),
                JobStatus.Expired => all.Where(j => j.Status == JobStatus.Expired || (j.Status == JobStatus.Open && j.ExpiresAt < today)),
                var status => all.Where(j => j.Status == status),
            };
            if (!string.IsNullOrWhiteSpace(query.Text)) filtered = filtered.Where(j => j.Title.Contains(query.Text.Trim()));
            var total = await filtered.CountAsync(ct);
            var page = Math.Max(1, query.Page);
            var size = Math.Clamp(query.PageSize, 1, 100);
            var items = await filtered.OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
            var fresh = db.Applications.AsNoTracking().Where(a => a.Stage == ApplicationStage.Applied && all.Any(j => j.Id == a.JobId));
            var newTotal = await fresh.CountAsync(ct);
            var ids = items.Select(j => j.Id).ToList();
            var newByJob = await fresh.Where(a => ids.Contains(a.JobId)).GroupBy(a => a.JobId)
                .Select(g => new { JobId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.JobId, g => g.Count, ct);
            return new OwnJobs(employer.Value, today, items, page, total, counts, employer.Value.WhyCannotPublish(rules.Now), newByJob, newTotal);
        }
    }
}
