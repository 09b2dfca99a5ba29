using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// The recruiting pipeline: seekers apply, follow their applications, withdraw and answer offers; the job's employer moves
/// stages, rejects (a person's confirmation and a reason), runs interviews and sends offer cards. Another party's
/// application answers 404; an illegal stage change or a lost race answers 409 with the reason (statuses from ResultHttp).
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
        DateTime AppliedAt, DateTime UpdatedAt, IReadOnlyList<StageChangeView> History, IReadOnlyList<InterviewView> Interviews, OfferView? Offer,
        DateTime? ViewedAt);
    public sealed record BoardColumn(string Stage, IReadOnlyList<ApplicationView> Applications);
    /// <summary>An applicant as the board's card shows them: name (as the consent rules give it), grade, key skills, experience, match reasons.</summary>
    public sealed record BoardCandidateView(string TalentId, string Name, string? OccupationCode, int? Grade, IReadOnlyList<string> KeySkills, double ExperienceYears,
        RecommendationsApi.ReasonsView? Reasons);
    public sealed record BoardView(string JobId, IReadOnlyList<BoardColumn> Columns, IReadOnlyList<BoardCandidateView> Candidates);

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
        a.CurrentOffer is { } o ? new OfferView(o.Id, o.MonthlyPay, o.StartDate, o.Place, o.ExpiresOn, o.Status.ToString().ToLowerInvariant(), o.SentAt, o.AnsweredAt) : null,
        a.ViewedAt);

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> Apply(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ApplyToJob.Command(id), ct)).ToCreated(a => $"/api/v1/applications/{a.Id}", ToView);

    private static async Task<Results<Ok<BoardView>, ProblemHttpResult>> Board(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetBoard.Query(id), ct)).ToHttp(board => new BoardView(id, ApplicationStages.All.Select(stage =>
            new BoardColumn(ApplicationStages.ToFileName(stage), board.Applications.Where(a => a.Stage == stage).Select(ToView).ToList())).ToList(),
            board.Candidates.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new BoardCandidateView(c.Key, board.Names.GetValueOrDefault(c.Key) ?? "",
                c.Value.OccupationCode, c.Value.Grade, c.Value.KeySkills, c.Value.ExperienceYears, RecommendationsApi.ToView(c.Value.Reasons))).ToList()));

    private static async Task<Results<Ok<BulkView>, ProblemHttpResult>> Bulk(string id, BulkRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangeApplications.Command(id, body.ApplicationIds, body.To, body.Reason, body.Confirm), ct)).ToHttp(report =>
            new BulkView(report.Changed, report.Refused, report.Items.Select(i => new BulkItemView(i.ApplicationId, i.Succeeded,
                i.Error is { } e ? ResultHttp.StatusOf(e.Kind) : StatusCodes.Status200OK, i.Error is { } error ? ErrorText.For(error) : null)).ToList()));

    private static async Task<Results<Ok<List<ApplicationView>>, ProblemHttpResult>> MyApplications(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListMyApplications.Query(), ct)).ToHttp(mine => mine.Items.Select(ToView).ToList());

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetApplication(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Recruiting.GetApplication.Query(id), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Withdraw(string id, WithdrawRequest? body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new WithdrawApplication.Command(id, body?.Reason, body?.Version), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Move(string id, MoveRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MoveApplication.Command(id, body.To, body.Version, body.Reason), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Reject(string id, RejectRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RejectApplication.Command(id, body.Confirm, body.Reason, body.Version), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ScheduleInterview(string id, InterviewRequest body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Recruiting.ScheduleInterview.Command(id, body.StartsAt?.ToUniversalTime(), body.Place, body.OnlineLink,
            body.Version), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> RescheduleInterview(string id, string interviewId, InterviewRequest body,
        IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Recruiting.ScheduleInterview.Command(id, body.StartsAt?.ToUniversalTime(), body.Place, body.OnlineLink,
            null, interviewId), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CancelInterview(string id, string interviewId, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new CloseInterview.Command(id, interviewId, Held: false), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CompleteInterview(string id, string interviewId, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new CloseInterview.Command(id, interviewId, Held: true), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> AddScorecard(string id, string interviewId, ScorecardRequest body,
        IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Recruiting.AddScorecard.Command(id, interviewId, body.Score, body.Notes), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> SendOffer(string id, OfferRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Recruiting.SendOffer.Command(id, body.MonthlyPay, body.StartDate, body.Place, body.ExpiresOn, body.Version), ct))
            .ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> AcceptOffer(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerOffer.Command(id, Accept: true), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> DeclineOffer(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerOffer.Command(id, Accept: false), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ConfirmSigning(string id, WithdrawRequest? body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Recruiting.ConfirmSigning.Command(id, body?.Version), ct)).ToHttp(ToView);
}
