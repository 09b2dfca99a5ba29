using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Recruiting;

/// <summary>Invitation rules (configuration section <c>Invitations</c>).</summary>
public sealed class InvitationOptions
{
    /// <summary>How many invitations one employer may send per day (China time).</summary>
    public int DailyLimitPerEmployer { get; set; } = 50;
    /// <summary>An unanswered invitation expires after this many days.</summary>
    public int ExpiryDays { get; set; } = 7;
}

/// <summary>
/// Invitations to apply (定向邀请投递). HR invites a talent to an open job of its own employer; the talent hears of it
/// (inbox and SMS) and accepts, which applies through <see cref="RecruitingService.ApplyAsync"/>, or declines.
/// Limits: one pending invitation per job and talent, and a daily number per employer.
/// </summary>
public sealed class InvitationService(AppDbContext db, RecruitingService recruiting, INotifier notifier, TimeProvider clock, IOptions<InvitationOptions> options)
{
    public const int MaxMessage = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public InvitationOptions Options => options.Value;

    public async Task<Result<Invitation>> InviteAsync(RecruitingActor hr, string jobId, string talentId, string? message, CancellationToken ct = default)
    {
        if (hr.EmployerId is not { } employerId) return Error.NotFound(Jobs.JobErrors.NotFound, jobId);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.EmployerId == employerId, ct);
        if (job is null) return Error.NotFound(Jobs.JobErrors.NotFound, jobId);
        if (!job.IsOpenOn(DateOnly.FromDateTime(Now))) return Error.Conflict(InvitationErrors.JobNotOpen);
        // A seeker who blocked the company is, to it, no seeker at all.
        if (!await db.Talent.AnyAsync(t => t.Id == talentId, ct) || await Seekers.CompanyBlocking.IsBlockedAsync(db, talentId, employerId, ct))
            return Error.NotFound(InvitationErrors.TalentNotFound, talentId);
        var text = (message ?? "").Trim();
        if (text.Length > MaxMessage) return Error.Invalid("message", InvitationErrors.MessageTooLong, MaxMessage);

        await ExpireDueAsync(ct);
        if (await db.Applications.AnyAsync(a => a.JobId == jobId && a.TalentId == talentId, ct))
            return Error.Conflict(InvitationErrors.AlreadyApplied);
        if (await db.Set<Invitation>().AnyAsync(i => i.JobId == jobId && i.TalentId == talentId && i.Status == InvitationStatus.Pending, ct))
            return Error.Conflict(InvitationErrors.Pending);
        if (await new DailyQuota("邀请", Options.DailyLimitPerEmployer).CheckAsync(Now,
                since => db.Set<Invitation>().CountAsync(i => i.EmployerId == employerId && i.CreatedAt >= since, ct)) is not null)
            return Error.TooMany(InvitationErrors.DailyLimit, Options.DailyLimitPerEmployer);

        var now = Now;
        var invitation = new Invitation
        {
            Id = EntityId.New('V', clock), JobId = jobId, EmployerId = employerId, TalentId = talentId, InvitedByUserId = hr.UserId,
            Message = text, Status = InvitationStatus.Pending, CreatedAt = now, ExpiresAt = now.AddDays(Math.Max(1, Options.ExpiryDays)),
        };
        db.Add(invitation);
        // The ranker learns from the first invitation of a talent to a job; inviting again after a decline is not a new signal.
        if (!await db.Outcomes.AnyAsync(o => o.JobId == jobId && o.TalentId == talentId && o.Stage == OutcomeStage.Invited, ct))
            db.Outcomes.Add(new Outcome { JobId = jobId, TalentId = talentId, Stage = OutcomeStage.Invited, At = now });
        var employerName = await db.Employers.Where(e => e.Id == employerId).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? "";
        await notifier.QueueAsync(new Notice("invitation", $"投递邀请：{job.Title}",
            $"{employerName}邀请您投递岗位「{job.Title}」。{(text.Length > 0 ? "留言：" + text : "")}",
            NoticeChannels.InApp | NoticeChannels.Sms, RecipientTalentId: talentId, Link: "/Seeker/Invitations"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // The unique index on pending (job, talent) caught a simultaneous second invitation; anything else is a real error.
            if (!await db.Set<Invitation>().AnyAsync(i => i.JobId == jobId && i.TalentId == talentId && i.Status == InvitationStatus.Pending, ct)) throw;
            return Error.Conflict(InvitationErrors.Pending);
        }
        return invitation;
    }

    /// <summary>The talent's invitations, newest first (expired ones are marked so first).</summary>
    public async Task<List<Invitation>> ForTalentAsync(string talentId, CancellationToken ct = default)
    {
        await ExpireDueAsync(ct);
        return await db.Set<Invitation>().AsNoTracking().Where(i => i.TalentId == talentId).OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
    }

    /// <summary>The invitations the employer sent, newest first, optionally for one job.</summary>
    public async Task<List<Invitation>> ForEmployerAsync(string employerId, string? jobId = null, CancellationToken ct = default)
    {
        await ExpireDueAsync(ct);
        var query = db.Set<Invitation>().AsNoTracking().Where(i => i.EmployerId == employerId);
        if (jobId is not null) query = query.Where(i => i.JobId == jobId);
        return await query.OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(ct);
    }

    /// <summary>The seeker accepts: an application is made the usual way, and the invitation points to it.</summary>
    public async Task<Result<Invitation>> AcceptAsync(RecruitingActor seeker, string id, CancellationToken ct = default)
    {
        var (invitation, refusal) = await OpenForSeekerAsync(seeker, id, ct);
        if (invitation is null) return refusal!;
        var applied = await recruiting.ApplyAsync(seeker, invitation.JobId, ct);
        string applicationId;
        if (applied.Succeeded) applicationId = applied.Value.Id;
        else if (applied.HasError(RecruitingErrors.AlreadyApplied)
                 && await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.JobId == invitation.JobId && a.TalentId == invitation.TalentId, ct) is { } existing)
        {
            // Applied meanwhile on their own. A withdrawn application stays withdrawn (and shares nothing): accepting cannot revive it.
            if (existing.Stage == ApplicationStage.Withdrawn) return Error.Conflict(InvitationErrors.Withdrawn);
            applicationId = existing.Id;
        }
        else if (applied.FailureKind == ErrorKind.NotFound) return Error.Conflict(InvitationErrors.JobClosed);
        else return applied.Cast<Invitation>();

        invitation = await db.Set<Invitation>().FirstAsync(i => i.Id == id, ct);
        invitation.Status = InvitationStatus.Accepted;
        invitation.AnsweredAt = Now;
        invitation.ApplicationId = applicationId;
        await NotifyInviterAsync(invitation, accepted: true, ct);
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    public async Task<Result<Invitation>> DeclineAsync(RecruitingActor seeker, string id, CancellationToken ct = default)
    {
        var (invitation, refusal) = await OpenForSeekerAsync(seeker, id, ct);
        if (invitation is null) return refusal!;
        invitation = await db.Set<Invitation>().FirstAsync(i => i.Id == id, ct);
        invitation.Status = InvitationStatus.Declined;
        invitation.AnsweredAt = Now;
        await NotifyInviterAsync(invitation, accepted: false, ct);
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    /// <summary>Pending invitations past their time become expired.</summary>
    public Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        return db.Set<Invitation>().Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Expired), ct);
    }

    private async Task<(Invitation?, Error?)> OpenForSeekerAsync(RecruitingActor seeker, string id, CancellationToken ct)
    {
        var invitation = await db.Set<Invitation>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || seeker.TalentId is null || invitation.TalentId != seeker.TalentId)
            return (null, Error.NotFound(InvitationErrors.NotFound, id));
        if (invitation.Status == InvitationStatus.Pending && !invitation.IsOpenAt(Now))
        {
            await ExpireDueAsync(ct);
            return (null, Error.Conflict(InvitationErrors.Expired));
        }
        if (invitation.Status != InvitationStatus.Pending)
            return (null, Error.Conflict(InvitationErrors.Answered, InvitationStatuses.ChineseName(invitation.Status).TrimStart('已')));
        return (invitation, null);
    }

    private async Task NotifyInviterAsync(Invitation invitation, bool accepted, CancellationToken ct)
    {
        var job = await db.Jobs.Where(j => j.Id == invitation.JobId).Select(j => j.Title).FirstOrDefaultAsync(ct) ?? invitation.JobId;
        await notifier.QueueAsync(new Notice("invitation.answered",
            accepted ? $"邀请已接受：{job}" : $"邀请被婉拒：{job}",
            accepted ? $"求职者接受了「{job}」的投递邀请，申请已进入招聘看板。" : $"求职者婉拒了「{job}」的投递邀请。",
            NoticeChannels.InApp, RecipientUserId: invitation.InvitedByUserId, Link: $"/Employer/Jobs/Board/{invitation.JobId}"), ct);
    }
}
