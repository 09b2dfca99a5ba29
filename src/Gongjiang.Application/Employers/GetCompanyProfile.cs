using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>
/// What HR sees of its own employer (企业信息): the registered facts, verification and licence, whether it may publish or
/// request (re-)verification, its postings by state, the postings the platform took down (with the reason) or sent back
/// from review (with the note), and the postings it may send for review.
/// </summary>
public static class GetCompanyProfile
{
    public sealed record Query : IUseCase<Profile>;

    /// <param name="WhyCannotPublish">The code of the publishing gate the employer is held at, or null when it may publish.</param>
    public sealed record Profile(Employer Company, string? WhyCannotPublish, bool CanRequestVerification, IReadOnlyDictionary<JobStatus, int> JobCounts,
        IReadOnlyList<TakenDownPosting> TakenDown, IReadOnlyList<SentBackPosting> SentBack, IReadOnlyList<JobPosting> Reviewable);

    public sealed record TakenDownPosting(JobPosting Job, string? Reason);

    public sealed record SentBackPosting(ScreeningReview Review, string Title);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, ServiceLog serviceLog, ScreeningQueueService screeningQueue)
        : IUseCaseHandler<Query, Profile>
    {
        public async Task<Result<Profile>> HandleAsync(Query query, CancellationToken ct)
        {
            var company = await rules.OwnEmployerAsync(ct);
            if (!company.Succeeded) return company.Cast<Profile>();
            var c = company.Value;
            var now = rules.Now;
            var today = rules.Today;
            var states = await db.Jobs.Where(j => j.EmployerId == c.Id).Select(j => new { j.Status, j.ExpiresAt }).ToListAsync(ct);
            var counts = states.GroupBy(j => new JobPosting { Status = j.Status, ExpiresAt = j.ExpiresAt }.StatusOn(today))
                .ToDictionary(g => g.Key, g => g.Count());
            var takenDown = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == c.Id && j.Status == JobStatus.TakenDown)
                .OrderByDescending(j => j.UpdatedAt).Take(50).ToListAsync(ct);
            var reasons = await serviceLog.TakedownReasonsAsync(takenDown.Select(j => j.Id).ToList(), ct);
            var sentBack = await screeningQueue.SentBackForEmployerAsync(c.Id, ct);
            var sentBackIds = sentBack.Select(r => r.JobId).ToList();
            var titles = await db.Jobs.Where(j => sentBackIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
            var reviewable = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == c.Id && (j.Status == JobStatus.Draft || j.Status == JobStatus.Open))
                .OrderByDescending(j => j.UpdatedAt).Take(100).ToListAsync(ct);
            var canRequest = c.Verification is VerificationStatus.Rejected or VerificationStatus.Expired
                || c.Verification == VerificationStatus.Pending && c.VerificationRequestedAt is null
                || VerificationService.IsDue(c, now);
            return new Profile(c, c.WhyCannotPublish(now), canRequest, counts,
                takenDown.Select(j => new TakenDownPosting(j, reasons.GetValueOrDefault(j.Id))).ToList(),
                sentBack.Select(r => new SentBackPosting(r, titles.GetValueOrDefault(r.JobId, r.JobId))).ToList(), reviewable);
        }
    }
}
