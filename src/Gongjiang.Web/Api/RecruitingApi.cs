using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>
/// The recruiting pipeline: seekers apply, follow their applications, withdraw and answer offers; the job's employer moves
/// stages, rejects (a person's confirmation and a reason), runs interviews and sends offer cards. Another party's
/// application answers 404; an illegal stage change or a lost race answers 409 with the reason.
/// </summary>
public static class RecruitingApi
{
    public static RouteGroupBuilder MapRecruitingApi(this RouteGroupBuilder v1)
    {
        var seeker = new[] { Roles.Seeker };
        var employer = new[] { Roles.EmployerHR, Roles.Agency };
        v1.MapPost("/jobs/{id}/applications", Apply).WithTags("Recruiting").WithName("ApplyToJob")
            .WithSummary("Apply to an open job as the signed-in seeker (申请)").RequireAuthorization(p => p.RequireRole(seeker));
        v1.MapGet("/jobs/{id}/applications", Board).WithTags("Recruiting").WithName("GetApplicationBoard")
            .WithSummary("The employer's board for one of its jobs: applications by stage").RequireAuthorization(p => p.RequireRole(employer));
        v1.MapPost("/jobs/{id}/applications/bulk", Bulk).WithTags("Recruiting").WithName("BulkChangeApplications")
            .WithSummary("Move several applications of one job to a stage, or reject them (confirm=true and one reason); a result per application")
            .RequireAuthorization(p => p.RequireRole(employer));
        v1.MapGet("/me/applications", MyApplications).WithTags("Recruiting").WithName("GetMyApplications")
            .WithSummary("The signed-in seeker's applications with their history").RequireAuthorization(p => p.RequireRole(seeker));

        var one = v1.MapGroup("/applications/{id}").WithTags("Recruiting");
        one.MapGet("/", GetApplication).WithName("GetApplication").WithSummary("One application, for its seeker or the job's employer")
            .RequireAuthorization();
        one.MapPost("/withdraw", Withdraw).WithName("WithdrawApplication").WithSummary("The seeker withdraws the application")
            .RequireAuthorization(p => p.RequireRole(seeker));
        one.MapPost("/stage", Move).WithName("MoveApplication")
            .WithSummary("Move to screening or interview; send the version you last saw (409 when it changed or the move is illegal)")
            .RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/reject", Reject).WithName("RejectApplication")
            .WithSummary("Reject: needs confirm=true and a reason (no automated rejection)").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/interviews", ScheduleInterview).WithName("ScheduleInterview")
            .WithSummary("Schedule an interview (time, place or online link)").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPut("/interviews/{interviewId}", RescheduleInterview).WithName("RescheduleInterview")
            .WithSummary("Move an interview to another time or place").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/interviews/{interviewId}/cancel", CancelInterview).WithName("CancelInterview")
            .WithSummary("Cancel an interview").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/interviews/{interviewId}/done", CompleteInterview).WithName("CompleteInterview")
            .WithSummary("Mark an interview as held").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/interviews/{interviewId}/scorecards", AddScorecard).WithName("AddScorecard")
            .WithSummary("The signed-in interviewer's score (1–5) and notes").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/offer", SendOffer).WithName("SendOffer")
            .WithSummary("Send an offer card (offer卡): monthly pay, start date, place, expiry").RequireAuthorization(p => p.RequireRole(employer));
        one.MapPost("/offer/accept", AcceptOffer).WithName("AcceptOffer").WithSummary("The seeker accepts the current offer")
            .RequireAuthorization(p => p.RequireRole(seeker));
        one.MapPost("/offer/decline", DeclineOffer).WithName("DeclineOffer").WithSummary("The seeker declines the current offer")
            .RequireAuthorization(p => p.RequireRole(seeker));
        one.MapPost("/sign", ConfirmSigning).WithName("ConfirmSigning")
            .WithSummary("The employer confirms signing of an accepted offer").RequireAuthorization(p => p.RequireRole(employer));
        return v1;
    }

    public sealed record StageChangeView(string? From, string To, string ByUserId, DateTime At, string? Reason);
    public sealed record ScorecardView(string InterviewerUserId, string InterviewerName, int Score, string? Notes, DateTime At);
    public sealed record InterviewView(string Id, DateTime StartsAt, string? Place, string? OnlineLink, string Status, IReadOnlyList<ScorecardView> Scorecards);
    public sealed record OfferView(string Id, int MonthlyPay, DateOnly StartDate, string Place, DateOnly ExpiresOn, string Status, DateTime SentAt, DateTime? AnsweredAt);
    public sealed record ApplicationView(string Id, string JobId, string TalentId, string EmployerId, string Stage, Guid Version,
        DateTime AppliedAt, DateTime UpdatedAt, IReadOnlyList<StageChangeView> History, IReadOnlyList<InterviewView> Interviews, OfferView? Offer);
    public sealed record BoardColumn(string Stage, IReadOnlyList<ApplicationView> Applications);
    public sealed record BoardView(string JobId, IReadOnlyList<BoardColumn> Columns);

    public sealed record BulkRequest(IReadOnlyList<string>? ApplicationIds, string? To, string? Reason, bool Confirm);
    public sealed record BulkItemView(string ApplicationId, bool Succeeded, int Status, string? Message);
    public sealed record BulkView(int Changed, int Refused, IReadOnlyList<BulkItemView> Results);

    public sealed record MoveRequest(string? To, Guid? Version, string? Reason);
    public sealed record RejectRequest(bool Confirm, string? Reason, Guid? Version);
    public sealed record WithdrawRequest(string? Reason, Guid? Version);
    public sealed record InterviewRequest(DateTime? StartsAt, string? Place, string? OnlineLink, Guid? Version);
    public sealed record ScorecardRequest(int Score, string? Notes);
    public sealed record OfferRequest(int MonthlyPay, DateOnly? StartDate, string? Place, DateOnly? ExpiresOn, Guid? Version);

    public static ApplicationView ToView(JobApplication a) => new(a.Id, a.JobId, a.TalentId, a.EmployerId, ApplicationStages.ToFileName(a.Stage), a.Version,
        a.AppliedAt, a.UpdatedAt,
        a.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new StageChangeView(h.From is { } f ? ApplicationStages.ToFileName(f) : null, ApplicationStages.ToFileName(h.To), h.ByUserId, h.At, h.Reason)).ToList(),
        a.Interviews.OrderBy(i => i.StartsAt).Select(i => new InterviewView(i.Id, i.StartsAt, i.Place, i.OnlineLink, i.Status.ToString().ToLowerInvariant(),
            i.Scorecards.OrderBy(s => s.At).Select(s => new ScorecardView(s.InterviewerUserId, s.InterviewerName, s.Score, s.Notes, s.At)).ToList())).ToList(),
        a.CurrentOffer is { } o ? new OfferView(o.Id, o.MonthlyPay, o.StartDate, o.Place, o.ExpiresOn, o.Status.ToString().ToLowerInvariant(), o.SentAt, o.AnsweredAt) : null);

    private static async Task<RecruitingActor?> ActorAsync(HttpContext http, UserManager<AppUser> users)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return null;
        var name = (await users.GetUserAsync(http.User))?.DisplayName ?? "";
        return new RecruitingActor(user.Id, user.IsEmployer ? user.EmployerId : null, user.IsSeeker ? user.TalentId : null, name);
    }

    /// <summary>The one mapping from service failures to HTTP: 404 hides others' data, 400 bad input, 409 illegal or stale changes.</summary>
    private static Results<Ok<ApplicationView>, ProblemHttpResult> Answer(RecruitingResult<JobApplication> result) => result.Failure switch
    {
        RecruitingFailure.None => TypedResults.Ok(ToView(result.Value!)),
        RecruitingFailure.NotFound => ApiResults.NotFound(result.Message ?? "application"),
        RecruitingFailure.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: result.Message),
        _ => ApiResults.Conflict(result.Message ?? "conflict"),
    };

    private static ProblemHttpResult Missing(string field) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: $"{field} is required");

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> Apply(string id, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor?.TalentId is null) return TypedResults.Problem(statusCode: 403, title: "No talent profile");
        var result = await service.ApplyAsync(actor, id, ct);
        if (!result.Succeeded)
            return result.Failure == RecruitingFailure.NotFound ? ApiResults.NotFound($"job {id}") : ApiResults.Conflict(result.Message ?? "conflict");
        return TypedResults.Created($"/api/v1/applications/{result.Value!.Id}", ToView(result.Value));
    }

    private static async Task<Results<Ok<BoardView>, ProblemHttpResult>> Board(string id, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        var applications = actor?.EmployerId is { } employerId ? await service.ForJobAsync(employerId, id, ct) : null;
        if (applications is null) return ApiResults.NotFound($"job {id}");
        var columns = ApplicationStages.All.Select(stage => new BoardColumn(ApplicationStages.ToFileName(stage),
            applications.Where(a => a.Stage == stage).Select(ToView).ToList())).ToList();
        return TypedResults.Ok(new BoardView(id, columns));
    }

    private static async Task<Results<Ok<BulkView>, ProblemHttpResult>> Bulk(string id, BulkRequest body, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        if (body.ApplicationIds is not { Count: > 0 } ids) return Missing("applicationIds");
        if (ids.Count > 500) return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: "at most 500 applicationIds");
        if (!ApplicationStages.TryParse(body.To, out var to)) return Missing("to (a stage: screening, interview, rejected)");
        var actor = await ActorAsync(http, users);
        var results = actor is null ? null : await service.BulkChangeAsync(actor, id, ids, to, body.Reason, body.Confirm, ct);
        if (results is null) return ApiResults.NotFound($"job {id}");
        var items = results.Select(r => new BulkItemView(r.ApplicationId, r.Succeeded, r.Failure switch
        {
            RecruitingFailure.None => 200, RecruitingFailure.NotFound => 404, RecruitingFailure.Invalid => 400, _ => 409,
        }, r.Message)).ToList();
        return TypedResults.Ok(new BulkView(items.Count(i => i.Succeeded), items.Count(i => !i.Succeeded), items));
    }

    private static async Task<Results<Ok<List<ApplicationView>>, ProblemHttpResult>> MyApplications(RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor?.TalentId is not { } talentId) return TypedResults.Problem(statusCode: 403, title: "No talent profile");
        return TypedResults.Ok((await service.ForSeekerAsync(talentId, ct)).Select(ToView).ToList());
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetApplication(string id, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        var application = actor is null ? null : await service.FindAsync(actor, id, ct);
        return application is null ? ApiResults.NotFound($"application {id}") : TypedResults.Ok(ToView(application));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Withdraw(string id, WithdrawRequest? body, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.WithdrawAsync(actor, id, body?.Reason, body?.Version, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Move(string id, MoveRequest body, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (!ApplicationStages.TryParse(body.To, out var to)) return Missing("to (a stage: screening, interview, …)");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.MoveAsync(actor, id, to, body.Version, body.Reason, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Reject(string id, RejectRequest body, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.RejectAsync(actor, id, body.Confirm, body.Reason, body.Version, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ScheduleInterview(string id, InterviewRequest body, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (body.StartsAt is not { } startsAt) return Missing("startsAt");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.ScheduleInterviewAsync(actor, id, new InterviewInput(startsAt.ToUniversalTime(), body.Place, body.OnlineLink), body.Version, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> RescheduleInterview(string id, string interviewId, InterviewRequest body,
        RecruitingService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (body.StartsAt is not { } startsAt) return Missing("startsAt");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.RescheduleInterviewAsync(actor, id, interviewId, new InterviewInput(startsAt.ToUniversalTime(), body.Place, body.OnlineLink), ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CancelInterview(string id, string interviewId, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.SetInterviewStatusAsync(actor, id, interviewId, InterviewStatus.Cancelled, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CompleteInterview(string id, string interviewId, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.SetInterviewStatusAsync(actor, id, interviewId, InterviewStatus.Done, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> AddScorecard(string id, string interviewId, ScorecardRequest body,
        RecruitingService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.AddScorecardAsync(actor, id, interviewId, body.Score, body.Notes, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> SendOffer(string id, OfferRequest body, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (body.StartDate is not { } start) return Missing("startDate");
        if (body.ExpiresOn is not { } expires) return Missing("expiresOn");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.SendOfferAsync(actor, id, new OfferInput(body.MonthlyPay, start, body.Place ?? "", expires), body.Version, ct));
    }

    private static Task<Results<Ok<ApplicationView>, ProblemHttpResult>> AcceptOffer(string id, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct) => AnswerOffer(id, true, service, http, users, ct);

    private static Task<Results<Ok<ApplicationView>, ProblemHttpResult>> DeclineOffer(string id, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct) => AnswerOffer(id, false, service, http, users, ct);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> AnswerOffer(string id, bool accept, RecruitingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.AnswerOfferAsync(actor, id, accept, ct));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ConfirmSigning(string id, WithdrawRequest? body, RecruitingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"application {id}");
        return Answer(await service.ConfirmSigningAsync(actor, id, body?.Version, ct));
    }
}
