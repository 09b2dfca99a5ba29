using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>A review waiting in the queue with the posting it concerns.</summary>
public sealed record ScreeningQueueItem(ScreeningReview Review, JobPosting Job, string EmployerName);

/// <summary>
/// The operators' screening queue (人工复核): postings published with warnings and postings their employer asked to have
/// reviewed. Operators approve, send back with a note (the posting returns to draft) or take down. Every decision is logged.
/// </summary>
public sealed class ScreeningQueueService(AppDbContext db, ServiceLog log, ComplaintService complaints, TimeProvider clock)
{
    public const int MaxNote = 1000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues a posting whose screening found warnings, unless it already waits in the queue. The caller saves.</summary>
    public static void EnqueueWarnings(AppDbContext db, JobPosting job, IEnumerable<ScreeningFlag> flags, DateTime now)
    {
        var warnings = flags.Where(f => f.Severity == FlagSeverity.Warn).ToList();
        if (warnings.Count == 0) return;
        if (db.ScreeningReviews.Any(r => r.JobId == job.Id && r.Status == ScreeningReviewStatus.Pending)) return;
        db.ScreeningReviews.Add(new ScreeningReview
        {
            JobId = job.Id, EmployerId = job.EmployerId, CreatedAt = now, Findings = Describe(warnings),
        });
    }

    private static string Describe(IEnumerable<ScreeningFlag> flags)
    {
        var text = string.Join("\n", flags.Select(f => $"{ScreeningRules.ChineseName(f.Rule)}：{f.Excerpt}"));
        return text.Length > 4000 ? text[..4000] : text;
    }

    /// <summary>An employer asks an operator to review one of its postings (e.g. to contest a flag).</summary>
    public async Task<Result<ScreeningReview>> RequestReviewAsync(string hrUserId, string employerId, string jobId, string? note,
        PostingScreener screener, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNote }) return Error.Invalid("note", ComplianceErrors.NoteTooLong, MaxNote);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.EmployerId == employerId, ct);
        if (job is null) return Error.NotFound(JobErrors.NotFound, jobId);
        if (await db.ScreeningReviews.AnyAsync(r => r.JobId == jobId && r.Status == ScreeningReviewStatus.Pending, ct))
            return Error.Conflict(ComplianceErrors.AlreadyInReview);
        var review = new ScreeningReview
        {
            JobId = jobId, EmployerId = employerId, RequestedByEmployer = true, EmployerNote = note, CreatedAt = Now,
            Findings = Describe(screener.Screen(job).Flags),
        };
        db.ScreeningReviews.Add(review);
        log.Write(hrUserId, ServiceActions.ScreeningReviewRequested, ServiceTargets.Job, jobId, note);
        await db.SaveChangesAsync(ct);
        return review;
    }

    public async Task<List<ScreeningQueueItem>> PendingAsync(CancellationToken ct = default)
    {
        var rows = await (from r in db.ScreeningReviews.AsNoTracking()
                          where r.Status == ScreeningReviewStatus.Pending
                          join j in db.Jobs.AsNoTracking() on r.JobId equals j.Id
                          join e in db.Employers.AsNoTracking() on r.EmployerId equals e.Id
                          orderby r.CreatedAt, r.Id
                          select new { r, j, e.Name }).Take(200).ToListAsync(ct);
        return rows.Select(x => new ScreeningQueueItem(x.r, x.j, x.Name)).ToList();
    }

    /// <summary>The latest decided review of each of an employer's postings that was sent back (the employer sees the note).</summary>
    public Task<List<ScreeningReview>> SentBackForEmployerAsync(string employerId, CancellationToken ct = default) =>
        db.ScreeningReviews.AsNoTracking().Where(r => r.EmployerId == employerId && r.Status == ScreeningReviewStatus.SentBack)
            .OrderByDescending(r => r.DecidedAt).Take(50).ToListAsync(ct);

    public enum Decision { Approve, SendBack, TakeDown }

    public async Task<Result<ScreeningReview>> DecideAsync(string operatorUserId, long reviewId, Decision decision, string? note, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNote }) return Error.Invalid("note", ComplianceErrors.NoteTooLong, MaxNote);
        if (decision != Decision.Approve && note is null)
            return Error.Invalid("note", decision == Decision.SendBack ? ComplianceErrors.SendbackNoteRequired : ComplianceErrors.TakedownReasonRequired);
        var review = await db.ScreeningReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return Error.NotFound(ComplianceErrors.ReviewNotFound, reviewId);
        if (review.Status != ScreeningReviewStatus.Pending) return Error.Conflict(ComplianceErrors.ReviewDecided);

        if (decision == Decision.TakeDown)
        {
            // A posting already taken down (by an upheld complaint) only closes the review.
            var taken = await complaints.TakeDownAsync(operatorUserId, review.JobId, "人工复核下架：" + note, ct);
            if (!taken.Succeeded && !taken.HasError(ComplianceErrors.AlreadyTakenDown)) return taken.Cast<ScreeningReview>();
        }
        var now = Now;
        review.Status = decision switch
        {
            Decision.Approve => ScreeningReviewStatus.Approved,
            Decision.SendBack => ScreeningReviewStatus.SentBack,
            _ => ScreeningReviewStatus.TakenDown,
        };
        review.OperatorNote = note;
        review.DecidedByUserId = operatorUserId;
        review.DecidedAt = now;
        if (decision == Decision.SendBack)
        {
            var job = await db.Jobs.FirstAsync(j => j.Id == review.JobId, ct);
            if (job.Status == JobStatus.Open) { job.Status = JobStatus.Draft; job.UpdatedAt = now; }
            log.Write(operatorUserId, ServiceActions.ScreeningSentBack, ServiceTargets.Job, review.JobId, note);
        }
        else if (decision == Decision.Approve) log.Write(operatorUserId, ServiceActions.ScreeningApproved, ServiceTargets.Job, review.JobId, note);
        await db.SaveChangesAsync(ct);
        return review;
    }
}
