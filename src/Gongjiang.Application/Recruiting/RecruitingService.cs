using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// Who is acting in the pipeline: the user, the employer they act for and the profile they own, and the name shown on
/// what they write. The use cases build it from the signed-in user (<see cref="RecruitingRules.ActorAsync"/>).
/// </summary>
public sealed record RecruitingActor(string UserId, string? EmployerId, string? TalentId, string DisplayName = "");

/// <summary>One application's result in a bulk action: null <see cref="Error"/> means it was changed.</summary>
public sealed record BulkItemResult(string ApplicationId, Error? Error)
{
    public bool Succeeded => Error is null;
}

public sealed record InterviewInput(DateTime StartsAt, string? Place, string? OnlineLink);
public sealed record OfferInput(int MonthlyPay, DateOnly StartDate, string Place, DateOnly ExpiresOn);

/// <summary>
/// The recruiting pipeline's domain logic (申请 → 筛选 → 面试 → 录用意向 → 签约): applying, moving stages, interviews and
/// offer cards, each loaded, checked and saved once, answering <see cref="Result{T}"/> with the codes of
/// <see cref="RecruitingErrors"/>. Pages and endpoints reach it through the use cases of this folder.
/// Every stage change is written to the history and, where the ranker has a matching stage, to the outcomes.
/// </summary>
public sealed class RecruitingService(AppDbContext db, TimeProvider clock, INotifier notifier)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    private IQueryable<JobApplication> Full => db.Applications
        .Include(a => a.History).Include(a => a.Interviews).ThenInclude(i => i.Scorecards).Include(a => a.Offers)
        .AsSplitQuery();

    /// <summary>A seeker applies to an open job; applying twice is a conflict.</summary>
    public async Task<Result<JobApplication>> ApplyAsync(RecruitingActor seeker, string jobId, CancellationToken ct = default)
    {
        if (seeker.TalentId is not { } talentId) return Error.Forbidden(RecruitingErrors.SeekersOnly);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !job.IsOpenOn(Today)) return Error.NotFound(Jobs.JobErrors.NotFound, jobId);
        var birthYear = await db.Talent.AsNoTracking().Where(t => t.Id == talentId).Select(t => t.BirthYear).FirstOrDefaultAsync(ct);
        if (birthYear is { } year && Privacy.PrivacyPolicy.IsUnderMinimumAge(year, Today.Year))
            return Error.Refused(RecruitingErrors.UnderAge);
        var existing = await Full.AsNoTracking().FirstOrDefaultAsync(a => a.JobId == jobId && a.TalentId == talentId, ct);
        if (existing is not null) return Error.Conflict(RecruitingErrors.AlreadyApplied);
        var now = Now;
        var application = new JobApplication
        {
            Id = EntityId.New('A', clock), JobId = jobId, TalentId = talentId, EmployerId = job.EmployerId,
            Stage = ApplicationStage.Applied, AppliedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
        };
        application.History.Add(new StageChange { ApplicationId = application.Id, To = ApplicationStage.Applied, ByUserId = seeker.UserId, At = now });
        db.Applications.Add(application);
        RecordOutcome(application, ApplicationStage.Applied, now);
        await NotifyEmployerAsync(application, "application.new", $"新申请：{job.Title}",
            $"有求职者申请了岗位「{job.Title}」，请在招聘看板中查看。", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (job, seeker) index caught a second, simultaneous application.
            db.ChangeTracker.Clear();
            return Error.Conflict(RecruitingErrors.AlreadyApplied);
        }
        return application;
    }

    public Task<List<JobApplication>> ForSeekerAsync(string talentId, CancellationToken ct = default) =>
        Full.AsNoTracking().Where(a => a.TalentId == talentId).OrderByDescending(a => a.AppliedAt).ToListAsync(ct);

    /// <summary>The board of one job: every application with its history, interviews and offers. Null when the job is not the employer's.</summary>
    public async Task<List<JobApplication>?> ForJobAsync(string employerId, string jobId, CancellationToken ct = default)
    {
        if (!await db.Jobs.AnyAsync(j => j.Id == jobId && j.EmployerId == employerId, ct)) return null;
        return await Full.AsNoTracking().Where(a => a.JobId == jobId).OrderBy(a => a.AppliedAt).ToListAsync(ct);
    }

    /// <summary>An application as either party sees it; null for anyone else.</summary>
    public async Task<JobApplication?> FindAsync(RecruitingActor actor, string id, CancellationToken ct = default)
    {
        var application = await Full.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return application is not null && RoleOf(actor, application) is not null ? application : null;
    }

    /// <summary>The employer moves an application along the pipeline. Rejection goes through <see cref="RejectAsync"/>, signing through <see cref="ConfirmSigningAsync"/>.</summary>
    public async Task<Result<JobApplication>> MoveAsync(RecruitingActor employer, string id, ApplicationStage to, Guid? expectedVersion,
        string? reason = null, CancellationToken ct = default)
    {
        var through = to switch
        {
            ApplicationStage.Rejected => RecruitingErrors.RejectThroughReject,
            ApplicationStage.Signed => RecruitingErrors.SignThroughConfirm,
            ApplicationStage.Offer => RecruitingErrors.OfferThroughCard,
            _ => null,
        };
        if (through is not null) return Error.Invalid("to", through);
        return await ChangeAsync(employer, id, RecruitingRole.Employer, expectedVersion, ct, a => Move(a, to, RecruitingRole.Employer, employer.UserId, reason));
    }

    /// <summary>
    /// A rejection is always a person's decision: it needs an explicit confirmation and a reason the seeker can read.
    /// Nothing in the system rejects on its own.
    /// </summary>
    public async Task<Result<JobApplication>> RejectAsync(RecruitingActor employer, string id, bool confirmed, string? reason, Guid? expectedVersion,
        CancellationToken ct = default)
    {
        var errors = new ErrorList();
        if (!confirmed) errors.Add("confirm", RecruitingErrors.RejectUnconfirmed);
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", RecruitingErrors.RejectReasonRequired);
        if (!errors.IsEmpty) return errors;
        return await ChangeAsync(employer, id, RecruitingRole.Employer, expectedVersion, ct,
            a => Move(a, ApplicationStage.Rejected, RecruitingRole.Employer, employer.UserId, reason));
    }

    public Task<Result<JobApplication>> WithdrawAsync(RecruitingActor seeker, string id, string? reason, Guid? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(seeker, id, RecruitingRole.Seeker, expectedVersion, ct,
            a => Move(a, ApplicationStage.Withdrawn, RecruitingRole.Seeker, seeker.UserId, reason));

    /// <summary>Schedules an interview; an application not yet at the interview stage moves there.</summary>
    public Task<Result<JobApplication>> ScheduleInterviewAsync(RecruitingActor employer, string id, InterviewInput input, Guid? expectedVersion,
        CancellationToken ct = default) =>
        ChangeAsync(employer, id, RecruitingRole.Employer, expectedVersion, ct, a =>
        {
            if (CheckInterview(input) is { } invalid) return invalid;
            if (a.Stage != ApplicationStage.Interview && Move(a, ApplicationStage.Interview, RecruitingRole.Employer, employer.UserId, "安排面试") is { } refusal)
                return refusal;
            a.Interviews.Add(new Interview
            {
                Id = EntityId.New('I', clock), ApplicationId = a.Id, StartsAt = DateTime.SpecifyKind(input.StartsAt, DateTimeKind.Utc),
                Place = Blank(input.Place), OnlineLink = Blank(input.OnlineLink), Status = InterviewStatus.Scheduled, UpdatedAt = Now,
            });
            a.Touch(Now);
            return null;
        }, (a, job) => [ToSeeker(a, "interview.scheduled", $"面试邀请：{job}", $"「{job}」的面试安排在 {ChinaTime(input.StartsAt)}，{Where(input)}。")]);

    public Task<Result<JobApplication>> RescheduleInterviewAsync(RecruitingActor employer, string id, string interviewId, InterviewInput input,
        CancellationToken ct = default) =>
        ChangeAsync(employer, id, RecruitingRole.Employer, null, ct, a =>
        {
            if (a.Interviews.FirstOrDefault(i => i.Id == interviewId) is not { } interview) return Error.NotFound(RecruitingErrors.InterviewNotFound, interviewId);
            if (interview.Status is InterviewStatus.Cancelled or InterviewStatus.Done) return Error.Conflict(RecruitingErrors.InterviewOverNoReschedule);
            if (CheckInterview(input) is { } invalid) return invalid;
            interview.StartsAt = DateTime.SpecifyKind(input.StartsAt, DateTimeKind.Utc);
            interview.Place = Blank(input.Place);
            interview.OnlineLink = Blank(input.OnlineLink);
            interview.Status = InterviewStatus.Rescheduled;
            interview.UpdatedAt = Now;
            a.Touch(Now);
            return null;
        }, (a, job) => [ToSeeker(a, "interview.rescheduled", $"面试改期：{job}", $"「{job}」的面试改到 {ChinaTime(input.StartsAt)}，{Where(input)}。")]);

    public Task<Result<JobApplication>> SetInterviewStatusAsync(RecruitingActor employer, string id, string interviewId, InterviewStatus status,
        CancellationToken ct = default) =>
        ChangeAsync(employer, id, RecruitingRole.Employer, null, ct, a =>
        {
            if (a.Interviews.FirstOrDefault(i => i.Id == interviewId) is not { } interview) return Error.NotFound(RecruitingErrors.InterviewNotFound, interviewId);
            if (status is not (InterviewStatus.Cancelled or InterviewStatus.Done)) return Error.Invalid("status", RecruitingErrors.InterviewStatusChoice);
            if (interview.Status is InterviewStatus.Cancelled or InterviewStatus.Done) return Error.Conflict(RecruitingErrors.InterviewOver);
            interview.Status = status;
            interview.UpdatedAt = Now;
            a.Touch(Now);
            return null;
        }, (a, job) => status == InterviewStatus.Cancelled
            ? [ToSeeker(a, "interview.cancelled", $"面试取消：{job}", $"「{job}」原定的面试已取消。")]
            : []);

    /// <summary>One scorecard per interviewer per interview; a second one from the same interviewer replaces the first.</summary>
    public Task<Result<JobApplication>> AddScorecardAsync(RecruitingActor employer, string id, string interviewId, int score, string? notes,
        CancellationToken ct = default) =>
        ChangeAsync(employer, id, RecruitingRole.Employer, null, ct, a =>
        {
            if (a.Interviews.FirstOrDefault(i => i.Id == interviewId) is not { } interview) return Error.NotFound(RecruitingErrors.InterviewNotFound, interviewId);
            if (score is < 1 or > 5) return Error.Invalid("score", RecruitingErrors.ScoreRange);
            if (interview.Status == InterviewStatus.Cancelled) return Error.Conflict(RecruitingErrors.InterviewCancelledNoScore);
            var card = interview.Scorecards.FirstOrDefault(s => s.InterviewerUserId == employer.UserId);
            if (card is null) interview.Scorecards.Add(card = new Scorecard { InterviewId = interview.Id, InterviewerUserId = employer.UserId });
            card.InterviewerName = employer.DisplayName;
            card.Score = score;
            card.Notes = Blank(notes);
            card.At = Now;
            a.Touch(Now);
            return null;
        });

    /// <summary>Sends an offer card; the application moves to the offer stage, and an earlier unanswered card is superseded.</summary>
    public Task<Result<JobApplication>> SendOfferAsync(RecruitingActor employer, string id, OfferInput input, Guid? expectedVersion,
        CancellationToken ct = default) =>
        ChangeAsync(employer, id, RecruitingRole.Employer, expectedVersion, ct, a =>
        {
            if (CheckOffer(input) is { IsEmpty: false } invalid) return invalid[0];
            if (a.Stage != ApplicationStage.Offer && Move(a, ApplicationStage.Offer, RecruitingRole.Employer, employer.UserId, "发送录用意向") is { } refusal)
                return refusal;
            foreach (var earlier in a.Offers.Where(o => o.Status == OfferStatus.Sent)) earlier.Status = OfferStatus.Superseded;
            a.Offers.Add(new OfferCard
            {
                Id = EntityId.New('O', clock), ApplicationId = a.Id, MonthlyPay = input.MonthlyPay, StartDate = input.StartDate,
                Place = input.Place.Trim(), ExpiresOn = input.ExpiresOn, Status = OfferStatus.Sent, SentAt = Now,
            });
            a.Touch(Now);
            return null;
        }, (a, job) => [ToSeeker(a, "offer.sent", $"录用意向：{job}",
            $"您收到「{job}」的录用意向：月薪 {input.MonthlyPay} 元，{input.StartDate:yyyy-MM-dd} 入职，地点 {input.Place.Trim()}，请在 {input.ExpiresOn:yyyy-MM-dd} 前答复。")]);

    /// <summary>The seeker answers the current offer card before it expires.</summary>
    public Task<Result<JobApplication>> AnswerOfferAsync(RecruitingActor seeker, string id, bool accept, CancellationToken ct = default) =>
        ChangeAsync(seeker, id, RecruitingRole.Seeker, null, ct, a =>
        {
            if (a.Stage != ApplicationStage.Offer || a.CurrentOffer is not { } offer || offer.Status != OfferStatus.Sent)
                return Error.Conflict(RecruitingErrors.NoPendingOffer);
            if (offer.IsExpiredOn(Today)) return Error.Conflict(RecruitingErrors.OfferExpired);
            offer.Status = accept ? OfferStatus.Accepted : OfferStatus.Declined;
            offer.AnsweredAt = Now;
            a.Touch(Now);
            return null;
        }, (a, job) => [ToEmployer(a, "offer.answered", accept ? $"录用意向已接受：{job}" : $"录用意向被婉拒：{job}",
            accept ? $"求职者接受了「{job}」的录用意向，请确认签约。" : $"求职者婉拒了「{job}」的录用意向。")]);

    /// <summary>An accepted offer becomes signed when the employer confirms.</summary>
    public Task<Result<JobApplication>> ConfirmSigningAsync(RecruitingActor employer, string id, Guid? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(employer, id, RecruitingRole.Employer, expectedVersion, ct, a =>
        {
            if (a.CurrentOffer?.Status != OfferStatus.Accepted) return Error.Conflict(RecruitingErrors.OfferNotAccepted);
            return Move(a, ApplicationStage.Signed, RecruitingRole.Employer, employer.UserId, "确认签约");
        });

    /// <summary>
    /// A bulk action on the board: each selected application of the job is moved (or, for <see cref="ApplicationStage.Rejected"/>,
    /// rejected with the one reason and confirmation) through the same rules as a single change; each gets its own result.
    /// Null when the job is not the employer's.
    /// </summary>
    public async Task<List<BulkItemResult>?> BulkChangeAsync(RecruitingActor employer, string jobId, IReadOnlyCollection<string> applicationIds,
        ApplicationStage to, string? reason, bool confirmed, CancellationToken ct = default)
    {
        if (employer.EmployerId is not { } employerId || !await db.Jobs.AnyAsync(j => j.Id == jobId && j.EmployerId == employerId, ct)) return null;
        var ids = applicationIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().Take(500).ToList();
        var ofJob = (await db.Applications.AsNoTracking().Where(a => a.JobId == jobId && ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var results = new List<BulkItemResult>();
        foreach (var id in ids)
        {
            if (!ofJob.Contains(id))
            {
                results.Add(new(id, Error.NotFound(RecruitingErrors.NotOfJob, id)));
                continue;
            }
            var result = to == ApplicationStage.Rejected
                ? await RejectAsync(employer, id, confirmed, reason, null, ct)
                : await MoveAsync(employer, id, to, null, reason, ct);
            results.Add(new(id, result.Succeeded ? null : result.Errors[0]));
            db.ChangeTracker.Clear();
        }
        return results;
    }

    /// <summary>
    /// Offer cards past their expiry day without an answer become expired, and both sides are told. Run in the background;
    /// an application changed meanwhile by someone else is left for the next round.
    /// </summary>
    public async Task<int> ExpireOffersAsync(CancellationToken ct = default)
    {
        var today = Today;
        var due = await db.OfferCards.AsNoTracking().Where(o => o.Status == OfferStatus.Sent && o.ExpiresOn < today)
            .Select(o => o.ApplicationId).Distinct().Take(200).ToListAsync(ct);
        var expired = 0;
        foreach (var applicationId in due)
        {
            var application = await Full.FirstOrDefaultAsync(a => a.Id == applicationId, ct);
            if (application is null) continue;
            var offers = application.Offers.Where(o => o.IsExpiredOn(today)).ToList();
            if (offers.Count == 0) continue;
            foreach (var offer in offers) offer.Status = OfferStatus.Expired;
            application.Touch(Now);
            var job = await db.Jobs.Where(j => j.Id == application.JobId).Select(j => j.Title).FirstOrDefaultAsync(ct) ?? application.JobId;
            var day = offers.Max(o => o.ExpiresOn).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await QueueAsync(application, ToSeeker(application, "offer.expired", $"录用意向已过期：{job}", $"「{job}」的录用意向已于 {day} 到期，未答复。"), ct);
            await QueueAsync(application, ToEmployer(application, "offer.expired", $"录用意向已过期：{job}", $"「{job}」发出的录用意向已于 {day} 到期，求职者未答复，可重新发送。"), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                expired += offers.Count;
            }
            catch (DbUpdateConcurrencyException) { }
            db.ChangeTracker.Clear();
        }
        return expired;
    }

    /// <summary>
    /// Loads the application, checks the actor's side, applies the change and saves it with the version check.
    /// A stale expected version or a concurrent writer ends in a conflict and nothing of this change is kept.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "Each caller's change reads best as the trailing lambdas.")]
    private async Task<Result<JobApplication>> ChangeAsync(RecruitingActor actor, string id, RecruitingRole role, Guid? expectedVersion,
        CancellationToken ct, Func<JobApplication, Error?> change, Func<JobApplication, string, IReadOnlyList<PendingNotice>>? notices = null)
    {
        var application = await Full.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || RoleOf(actor, application) != role) return Error.NotFound(RecruitingErrors.NotFound, id);
        if (expectedVersion is { } expected && expected != application.Version)
            return Error.Conflict(RecruitingErrors.ChangedMeanwhile);
        var historyBefore = application.History.Count;
        var refusal = change(application);
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }
        var newEntries = application.History.Skip(historyBefore).ToList();
        foreach (var entry in newEntries) RecordOutcome(application, entry.To, entry.At);
        var jobTitle = await db.Jobs.Where(j => j.Id == application.JobId).Select(j => j.Title).FirstOrDefaultAsync(ct) ?? application.JobId;
        // A command with its own notice (an interview, an offer) says more than the bare stage change it causes.
        var pending = notices?.Invoke(application, jobTitle) is { Count: > 0 } specific ? specific
            : newEntries.Select(entry => StageNotice(application, entry, role, jobTitle)).ToList();
        foreach (var notice in pending) await QueueAsync(application, notice, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict(RecruitingErrors.ChangedMeanwhile);
        }
        return application;
    }

    private static RecruitingRole? RoleOf(RecruitingActor actor, JobApplication application) =>
        actor.EmployerId is { } employer && employer == application.EmployerId ? RecruitingRole.Employer
        : actor.TalentId is { } talent && talent == application.TalentId ? RecruitingRole.Seeker
        : null;

    private void RecordOutcome(JobApplication application, ApplicationStage stage, DateTime at)
    {
        if (ApplicationStages.OutcomeFor(stage) is { } outcome)
            db.Outcomes.Add(new Outcome { JobId = application.JobId, TalentId = application.TalentId, Stage = outcome, At = at });
    }

    /// <summary>A notice addressed to one side of an application; the employer side means every HR user of the employer.</summary>
    private sealed record PendingNotice(RecruitingRole To, string Kind, string Title, string Body);

    private static PendingNotice ToSeeker(JobApplication a, string kind, string title, string body) => new(RecruitingRole.Seeker, kind, title, body);
    private static PendingNotice ToEmployer(JobApplication a, string kind, string title, string body) => new(RecruitingRole.Employer, kind, title, body);

    private static PendingNotice StageNotice(JobApplication a, StageChange entry, RecruitingRole actingRole, string job)
    {
        var stage = ApplicationStages.ChineseName(entry.To);
        var reason = string.IsNullOrWhiteSpace(entry.Reason) ? "" : $"原因：{entry.Reason}";
        return actingRole == RecruitingRole.Employer
            ? new(RecruitingRole.Seeker, "application.stage", $"申请状态更新：{job}", $"您申请的「{job}」已变为「{stage}」。{reason}")
            : new(RecruitingRole.Employer, "application.stage", $"申请状态更新：{job}", $"求职者对「{job}」的申请已变为「{stage}」。{reason}");
    }

    private Task QueueAsync(JobApplication a, PendingNotice notice, CancellationToken ct) => notice.To == RecruitingRole.Seeker
        ? notifier.QueueAsync(new Notice(notice.Kind, notice.Title, notice.Body, NoticeChannels.InApp | NoticeChannels.Sms,
            RecipientTalentId: a.TalentId, Link: "/Seeker/Applications"), ct)
        : NotifyEmployerAsync(a, notice.Kind, notice.Title, notice.Body, ct);

    /// <summary>Every HR user of the application's employer hears about it in the inbox.</summary>
    private async Task NotifyEmployerAsync(JobApplication a, string kind, string title, string body, CancellationToken ct)
    {
        var hrUsers = await db.Users.Where(u => u.EmployerId == a.EmployerId).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in hrUsers)
            await notifier.QueueAsync(new Notice(kind, title, body, NoticeChannels.InApp, RecipientUserId: userId, Link: $"/Employer/Jobs/Board/{a.JobId}"), ct);
    }

    private static string ChinaTime(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Where(InterviewInput input) =>
        string.IsNullOrWhiteSpace(input.Place) ? $"线上：{input.OnlineLink?.Trim()}" : $"地点：{input.Place.Trim()}";

    private static Error? CheckInterview(InterviewInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineLink)) return Error.Invalid("place", RecruitingErrors.InterviewPlaceRequired);
        if (input.OnlineLink is { Length: > 0 } link && !(Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            return Error.Invalid("onlineLink", RecruitingErrors.InterviewLinkHttp);
        if (input.StartsAt == default) return Error.Invalid("startsAt", RecruitingErrors.InterviewTimeRequired);
        return null;
    }

    private ErrorList CheckOffer(OfferInput input)
    {
        var errors = new ErrorList();
        if (input.MonthlyPay <= 0) errors.Add("monthlyPay", RecruitingErrors.OfferPayPositive);
        if (string.IsNullOrWhiteSpace(input.Place)) errors.Add("place", RecruitingErrors.OfferPlaceRequired);
        if (input.ExpiresOn < Today) errors.Add("expiresOn", RecruitingErrors.OfferExpiresInPast);
        if (input.StartDate < Today) errors.Add("startDate", RecruitingErrors.OfferStartsInPast);
        return errors;
    }

    /// <summary>
    /// Moves the application when the pipeline allows it (<see cref="ApplicationStages.Refusal"/>'s rules, as coded errors);
    /// a rejection needs a reason the seeker can read.
    /// </summary>
    private Error? Move(JobApplication a, ApplicationStage to, RecruitingRole role, string userId, string? reason)
    {
        if (!ApplicationStages.MayMove(role, to))
            return Error.Conflict(role == RecruitingRole.Seeker ? RecruitingErrors.SeekerOnlyWithdraws : RecruitingErrors.OnlySeekerWithdraws);
        if (ApplicationStages.IsClosed(a.Stage)) return Error.Conflict(RecruitingErrors.Closed, ApplicationStages.ChineseName(a.Stage));
        if (!ApplicationStages.CanMove(a.Stage, to))
            return Error.Conflict(RecruitingErrors.IllegalMove, ApplicationStages.ChineseName(a.Stage), ApplicationStages.ChineseName(to));
        if (to == ApplicationStage.Rejected && string.IsNullOrWhiteSpace(reason)) return Error.Invalid("reason", RecruitingErrors.RejectReasonRequired);
        return a.TryMove(to, role, userId, Now, reason) is null ? null : Error.Conflict(RecruitingErrors.IllegalMove,
            ApplicationStages.ChineseName(a.Stage), ApplicationStages.ChineseName(to));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
