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
    public async Task<ComplianceResult<Complaint>> ReportAsync(ComplianceActor reporter, ComplaintInput input, CancellationToken ct = default)
    {
        var jobId = input.JobId?.Trim();
        var employerId = input.EmployerId?.Trim();
        if (string.IsNullOrEmpty(jobId) == string.IsNullOrEmpty(employerId))
            return ComplianceResult<Complaint>.Invalid("job_id", "请选择举报的岗位或企业（二选一）。");
        var description = input.Description?.Trim() ?? "";
        if (description.Length < 5) return ComplianceResult<Complaint>.Invalid("description", "请描述举报的情况（至少 5 个字）。");
        if (description.Length > MaxDescription) return ComplianceResult<Complaint>.Invalid("description", $"描述最多 {MaxDescription} 个字符。");
        var evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : input.Evidence.Trim();
        if (evidence is { Length: > MaxEvidence }) return ComplianceResult<Complaint>.Invalid("evidence", $"证据说明最多 {MaxEvidence} 个字符。");
        if (!Enum.IsDefined(input.Category)) return ComplianceResult<Complaint>.Invalid("category", "举报类别无效。");

        if (!string.IsNullOrEmpty(jobId))
        {
            var today = DateOnly.FromDateTime(Now);
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null || !job.IsOpenOn(today)) return ComplianceResult<Complaint>.NotFound($"job {jobId}");
            employerId = job.EmployerId;
        }
        else
        {
            var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employerId, ct);
            if (employer is null || employer.Verification is not (VerificationStatus.Verified or VerificationStatus.Suspended))
                return ComplianceResult<Complaint>.NotFound($"employer {employerId}");
            jobId = null;
        }

        var now = Now;
        var complaint = new Complaint
        {
            Id = EntityId.New('C', clock), ReporterUserId = reporter.UserId, JobId = jobId, EmployerId = employerId!, Category = input.Category,
            Description = description, Evidence = evidence, Status = ComplaintStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        };
        db.Complaints.Add(complaint);
        log.Write(reporter.UserId, ServiceActions.ComplaintFiled, ServiceTargets.Complaint, complaint.Id,
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
    public async Task<ComplianceResult<Complaint>> AssignAsync(ComplianceActor op, string id, string? assigneeUserId, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return ComplianceResult<Complaint>.NotFound($"complaint {id}");
        if (complaint.Status.IsResolved()) return ComplianceResult<Complaint>.Illegal("该举报已处理完毕，不能再分派。");
        var assignee = string.IsNullOrWhiteSpace(assigneeUserId) ? op.UserId : assigneeUserId.Trim();
        complaint.AssignedToUserId = assignee;
        complaint.Status = ComplaintStatus.Investigating;
        complaint.UpdatedAt = Now;
        log.Write(op.UserId, ServiceActions.ComplaintAssigned, ServiceTargets.Complaint, id, "assigned to " + assignee);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>
    /// Resolves a report as upheld or dismissed, always with a reason. Upheld on a posting takes the posting down; an
    /// employer reaching the repeat-offender threshold is suspended in the same save.
    /// </summary>
    public async Task<ComplianceResult<Complaint>> ResolveAsync(ComplianceActor op, string id, bool upheld, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ComplianceResult<Complaint>.Invalid("reason", "请填写处理理由。");
        if (reason.Length > 1000) return ComplianceResult<Complaint>.Invalid("reason", "处理理由最多 1000 个字符。");
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return ComplianceResult<Complaint>.NotFound($"complaint {id}");
        if (complaint.Status.IsResolved()) return ComplianceResult<Complaint>.Illegal("该举报已处理完毕。");

        var now = Now;
        complaint.Status = upheld ? ComplaintStatus.Upheld : ComplaintStatus.Dismissed;
        complaint.Resolution = reason;
        complaint.ResolvedAt = complaint.UpdatedAt = now;
        complaint.AssignedToUserId ??= op.UserId;
        log.Write(op.UserId, upheld ? ServiceActions.ComplaintUpheld : ServiceActions.ComplaintDismissed, ServiceTargets.Complaint, id, reason);

        if (upheld)
        {
            if (complaint.JobId is { } jobId)
            {
                var job = await db.Jobs.FirstAsync(j => j.Id == jobId, ct);
                TakeDown(op, job, $"举报属实（{ComplaintCategories.ChineseName(complaint.Category)}）：{reason}", now);
            }
            await db.SaveChangesAsync(ct);
            await SuspendIfRepeatOffenderAsync(op, complaint.EmployerId, ct);
        }
        else await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>An operator takes a posting down directly (e.g. from the screening queue). The reason is shown to its employer.</summary>
    public async Task<ComplianceResult<JobPosting>> TakeDownAsync(ComplianceActor op, string jobId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ComplianceResult<JobPosting>.Invalid("reason", "请填写下架理由。");
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return ComplianceResult<JobPosting>.NotFound($"job {jobId}");
        if (job.Status == JobStatus.TakenDown) return ComplianceResult<JobPosting>.Illegal("该岗位已被下架。");
        TakeDown(op, job, reason, Now);
        await db.SaveChangesAsync(ct);
        return job;
    }

    private void TakeDown(ComplianceActor op, JobPosting job, string reason, DateTime now)
    {
        if (job.Status == JobStatus.TakenDown) return;
        job.Status = JobStatus.TakenDown;
        job.UpdatedAt = now;
        log.Write(op.UserId, ServiceActions.JobTakenDown, ServiceTargets.Job, job.Id, reason);
    }

    /// <summary>An operator lets a taken-down posting be edited and republished: it returns to draft.</summary>
    public async Task<ComplianceResult<JobPosting>> RestorePostingAsync(ComplianceActor op, string jobId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ComplianceResult<JobPosting>.Invalid("reason", "请填写恢复理由。");
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return ComplianceResult<JobPosting>.NotFound($"job {jobId}");
        if (job.Status != JobStatus.TakenDown) return ComplianceResult<JobPosting>.Illegal("该岗位未被下架。");
        job.Status = JobStatus.Draft;
        job.UpdatedAt = Now;
        log.Write(op.UserId, ServiceActions.JobRestored, ServiceTargets.Job, jobId, reason);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Upheld complaints against an employer within the threshold's window.</summary>
    public async Task<int> RecentUpheldCountAsync(string employerId, SuspensionThreshold threshold, CancellationToken ct = default)
    {
        var since = Now.AddDays(-threshold.WithinDays);
        return await db.Complaints.CountAsync(c => c.EmployerId == employerId && c.Status == ComplaintStatus.Upheld && c.ResolvedAt >= since, ct);
    }

    private async Task SuspendIfRepeatOffenderAsync(ComplianceActor op, string employerId, CancellationToken ct)
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
        log.Write(op.UserId, ServiceActions.EmployerSuspended, ServiceTargets.Employer, employerId, reason);
        var open = await db.Jobs.Where(j => j.EmployerId == employerId && j.Status == JobStatus.Open).ToListAsync(ct);
        foreach (var job in open)
        {
            job.Status = JobStatus.Closed;
            job.UpdatedAt = now;
            log.Write(op.UserId, ServiceActions.JobClosedBySuspension, ServiceTargets.Job, job.Id, "employer suspended");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An operator lifts a suspension: the employer is verified again and may publish; closed postings stay closed.</summary>
    public async Task<ComplianceResult<Employer>> LiftSuspensionAsync(ComplianceActor op, string employerId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ComplianceResult<Employer>.Invalid("reason", "请填写解除暂停的理由。");
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null) return ComplianceResult<Employer>.NotFound($"employer {employerId}");
        if (employer.Verification != VerificationStatus.Suspended) return ComplianceResult<Employer>.Illegal("该企业未被暂停。");
        var now = Now;
        employer.Verification = VerificationStatus.Verified;
        employer.VerificationNote = "暂停已解除：" + reason;
        employer.VerifiedAt ??= now;
        employer.UpdatedAt = now;
        log.Write(op.UserId, ServiceActions.EmployerSuspensionLifted, ServiceTargets.Employer, employerId, reason);
        await db.SaveChangesAsync(ct);
        return employer;
    }
}
