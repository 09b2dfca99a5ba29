using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>What a seeker reports: a posting or an employer (exactly one), the category, what happened and any evidence.</summary>
public sealed record ComplaintInput(string? JobId, string? EmployerId, ComplaintCategory Category, string? Description, string? Evidence);

/// <summary>
/// Complaints (举报虚假招聘) and the platform's answers to them: operators assign and resolve reports; an upheld report on a
/// posting takes it down; repeat offenders are suspended. Every step is written to the service log with its reason.
/// </summary>
public sealed class ComplaintService(AppDbContext db, ServiceLog log, ComplianceSettings settings, TimeProvider clock)
{
    public const int MaxDescription = 2000;
    public const int MaxEvidence = 4000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A seeker files a report. A posting must be one seekers can see; an employer must be verified (or suspended).</summary>
    public async Task<Result<Complaint>> ReportAsync(string reporterUserId, ComplaintInput input, CancellationToken ct = default)
    {
        var jobId = input.JobId?.Trim();
        var employerId = input.EmployerId?.Trim();
        if (string.IsNullOrEmpty(jobId) == string.IsNullOrEmpty(employerId))
            return Error.Invalid("job_id", ComplianceErrors.ReportOneTarget);
        var description = input.Description?.Trim() ?? "";
        if (description.Length < 5) return Error.Invalid("description", ComplianceErrors.DescriptionTooShort);
        if (description.Length > MaxDescription) return Error.Invalid("description", ComplianceErrors.DescriptionTooLong, MaxDescription);
        var evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : input.Evidence.Trim();
        if (evidence is { Length: > MaxEvidence }) return Error.Invalid("evidence", ComplianceErrors.EvidenceTooLong, MaxEvidence);
        if (!Enum.IsDefined(input.Category)) return Error.Invalid("category", ComplianceErrors.UnknownCategory);

        if (!string.IsNullOrEmpty(jobId))
        {
            var today = DateOnly.FromDateTime(Now);
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null || !job.IsOpenOn(today)) return Error.NotFound(JobErrors.NotFound, jobId);
            employerId = job.EmployerId;
        }
        else
        {
            var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employerId, ct);
            if (employer is null || employer.Verification is not (VerificationStatus.Verified or VerificationStatus.Suspended))
                return Error.NotFound(EmployerErrors.NotFound, employerId);
            jobId = null;
        }

        var now = Now;
        var complaint = new Complaint
        {
            Id = EntityId.New('C', clock), ReporterUserId = reporterUserId, JobId = jobId, EmployerId = employerId!, Category = input.Category,
            Description = description, Evidence = evidence, Status = ComplaintStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        };
        db.Complaints.Add(complaint);
        log.Write(reporterUserId, ServiceActions.ComplaintFiled, ServiceTargets.Complaint, complaint.Id,
            $"{ComplaintCategories.ToFileName(input.Category)} → {(jobId is not null ? "job " + jobId : "employer " + employerId)}");
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>The reporter's own reports, newest first.</summary>
    public Task<List<Complaint>> ForReporterAsync(string userId, CancellationToken ct = default) =>
        db.Complaints.AsNoTracking().Where(c => c.ReporterUserId == userId).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToListAsync(ct);

    /// <summary>One report, for its reporter or an operator; anyone else gets null (its existence is not disclosed).</summary>
    public async Task<Complaint?> FindAsync(string id, string userId, bool isOperator, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return complaint is not null && (isOperator || complaint.ReporterUserId == userId) ? complaint : null;
    }

    /// <summary>The operators' queue: open reports (submitted and investigating) oldest first, or resolved ones newest first.</summary>
    public async Task<List<Complaint>> QueueAsync(ComplaintStatus? status, CancellationToken ct = default)
    {
        var query = db.Complaints.AsNoTracking();
        if (status is { } s) query = query.Where(c => c.Status == s);
        else query = query.Where(c => c.Status == ComplaintStatus.Submitted || c.Status == ComplaintStatus.Investigating);
        var items = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
        return status is { } r && r.IsResolved() ? items.AsEnumerable().Reverse().ToList() : items;
    }

    public async Task<Dictionary<ComplaintStatus, int>> CountsAsync(CancellationToken ct = default) =>
        await db.Complaints.GroupBy(c => c.Status).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);

    /// <summary>An operator takes a report on (to themselves or a colleague); it is then under investigation.</summary>
    public async Task<Result<Complaint>> AssignAsync(string operatorUserId, string id, string? assigneeUserId, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return Error.NotFound(ComplianceErrors.ComplaintNotFound, id);
        if (complaint.Status.IsResolved()) return Error.Conflict(ComplianceErrors.AssignResolved);
        var assignee = string.IsNullOrWhiteSpace(assigneeUserId) ? operatorUserId : assigneeUserId.Trim();
        complaint.AssignedToUserId = assignee;
        complaint.Status = ComplaintStatus.Investigating;
        complaint.UpdatedAt = Now;
        log.Write(operatorUserId, ServiceActions.ComplaintAssigned, ServiceTargets.Complaint, id, "assigned to " + assignee);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>
    /// Resolves a report as upheld or dismissed, always with a reason. Upheld on a posting takes the posting down; an
    /// employer reaching the repeat-offender threshold is suspended in the same save.
    /// </summary>
    public async Task<Result<Complaint>> ResolveAsync(string operatorUserId, string id, bool upheld, string? reasonText, CancellationToken ct = default)
    {
        var checkedReason = ComplianceRules.Reason(reasonText, ComplianceErrors.ResolveReasonRequired);
        if (!checkedReason.Succeeded) return checkedReason.Cast<Complaint>();
        var reason = checkedReason.Value;
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return Error.NotFound(ComplianceErrors.ComplaintNotFound, id);
        if (complaint.Status.IsResolved()) return Error.Conflict(ComplianceErrors.AlreadyResolved);

        var now = Now;
        complaint.Status = upheld ? ComplaintStatus.Upheld : ComplaintStatus.Dismissed;
        complaint.Resolution = reason;
        complaint.ResolvedAt = complaint.UpdatedAt = now;
        complaint.AssignedToUserId ??= operatorUserId;
        log.Write(operatorUserId, upheld ? ServiceActions.ComplaintUpheld : ServiceActions.ComplaintDismissed, ServiceTargets.Complaint, id, reason);

        if (upheld)
        {
            if (complaint.JobId is { } jobId)
            {
                var job = await db.Jobs.FirstAsync(j => j.Id == jobId, ct);
                TakeDown(operatorUserId, job, $"举报属实（{ComplaintCategories.ChineseName(complaint.Category)}）：{reason}", now);
            }
            await db.SaveChangesAsync(ct);
            await SuspendIfRepeatOffenderAsync(operatorUserId, complaint.EmployerId, ct);
        }
        else await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>An operator takes a posting down directly (e.g. from the screening queue). The reason is shown to its employer.</summary>
    /// <remarks>The caller saves (the screening queue records its decision in the same unit of work).</remarks>
    public async Task<Result<JobPosting>> TakeDownAsync(string operatorUserId, string jobId, string? reasonText, CancellationToken ct = default)
    {
        var checkedReason = ComplianceRules.Reason(reasonText, ComplianceErrors.TakedownReasonRequired, max: 2000);
        if (!checkedReason.Succeeded) return checkedReason.Cast<JobPosting>();
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return Error.NotFound(JobErrors.NotFound, jobId);
        if (job.Status == JobStatus.TakenDown) return Error.Conflict(ComplianceErrors.AlreadyTakenDown);
        TakeDown(operatorUserId, job, checkedReason.Value, Now);
        return job;
    }

    private void TakeDown(string operatorUserId, JobPosting job, string reason, DateTime now)
    {
        if (job.Status == JobStatus.TakenDown) return;
        job.Status = JobStatus.TakenDown;
        job.UpdatedAt = now;
        log.Write(operatorUserId, ServiceActions.JobTakenDown, ServiceTargets.Job, job.Id, reason);
    }

    /// <summary>An operator lets a taken-down posting be edited and republished: it returns to draft.</summary>
    public async Task<Result<JobPosting>> RestorePostingAsync(string operatorUserId, string jobId, string? reasonText, CancellationToken ct = default)
    {
        var checkedReason = ComplianceRules.Reason(reasonText, ComplianceErrors.RestoreReasonRequired);
        if (!checkedReason.Succeeded) return checkedReason.Cast<JobPosting>();
        var reason = checkedReason.Value;
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return Error.NotFound(JobErrors.NotFound, jobId);
        if (job.Status != JobStatus.TakenDown) return Error.Conflict(ComplianceErrors.NotTakenDown);
        job.Status = JobStatus.Draft;
        job.UpdatedAt = Now;
        log.Write(operatorUserId, ServiceActions.JobRestored, ServiceTargets.Job, jobId, reason);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Upheld complaints against an employer within the threshold's window.</summary>
    public async Task<int> RecentUpheldCountAsync(string employerId, SuspensionThreshold threshold, CancellationToken ct = default)
    {
        var since = Now.AddDays(-threshold.WithinDays);
        return await db.Complaints.CountAsync(c => c.EmployerId == employerId && c.Status == ComplaintStatus.Upheld && c.ResolvedAt >= since, ct);
    }

    private async Task SuspendIfRepeatOffenderAsync(string operatorUserId, string employerId, CancellationToken ct)
    {
        var threshold = await settings.LoadThresholdAsync(ct);
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null || employer.Verification == VerificationStatus.Suspended) return;
        var upheld = await RecentUpheldCountAsync(employerId, threshold, ct);
        if (upheld < threshold.UpheldComplaints) return;

        var now = Now;
        var reason = $"{threshold.WithinDays} 天内 {upheld} 次举报经核实属实，账号已暂停发布岗位，在招岗位已关闭。如有异议请联系园区运营人员。";
        employer.Verification = VerificationStatus.Suspended;
        employer.VerificationNote = reason;
        employer.UpdatedAt = now;
        log.Write(operatorUserId, ServiceActions.EmployerSuspended, ServiceTargets.Employer, employerId, reason);
        var open = await db.Jobs.Where(j => j.EmployerId == employerId && j.Status == JobStatus.Open).ToListAsync(ct);
        foreach (var job in open)
        {
            job.Status = JobStatus.Closed;
            job.UpdatedAt = now;
            log.Write(operatorUserId, ServiceActions.JobClosedBySuspension, ServiceTargets.Job, job.Id, "employer suspended");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An operator lifts a suspension: the employer is verified again and may publish; closed postings stay closed.</summary>
    public async Task<Result<Employer>> LiftSuspensionAsync(string operatorUserId, string employerId, string? reasonText, CancellationToken ct = default)
    {
        var checkedReason = ComplianceRules.Reason(reasonText, ComplianceErrors.LiftReasonRequired);
        if (!checkedReason.Succeeded) return checkedReason.Cast<Employer>();
        var reason = checkedReason.Value;
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null) return Error.NotFound(EmployerErrors.NotFound, employerId);
        if (employer.Verification != VerificationStatus.Suspended) return Error.Conflict(ComplianceErrors.NotSuspended);
        var now = Now;
        employer.Verification = VerificationStatus.Verified;
        employer.VerificationNote = "暂停已解除：" + reason;
        employer.VerifiedAt ??= now;
        employer.UpdatedAt = now;
        log.Write(operatorUserId, ServiceActions.EmployerSuspensionLifted, ServiceTargets.Employer, employerId, reason);
        await db.SaveChangesAsync(ct);
        return employer;
    }
}
