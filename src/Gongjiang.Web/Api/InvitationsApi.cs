using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>
/// Invitations to apply (定向邀请投递): HR invites a talent to one of its employer's open jobs; the seeker lists, accepts
/// (an application is made) or declines. A foreign job or talent answers 404, a second pending invitation 409, the
/// employer's daily limit 429.
/// </summary>
public static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder v1)
    {
        var seeker = new[] { Roles.Seeker };
        var employer = new[] { Roles.EmployerHR, Roles.Agency };
        v1.MapPost("/jobs/{id}/invitations", Invite).WithTags("Invitations").WithName("InviteToApply")
            .WithSummary("Invite a talent to apply to one of the employer's open jobs, with a message").RequireAuthorization(p => p.RequireRole(employer))
            .RequireRateLimiting(Infrastructure.RateLimits.Outreach);
        v1.MapGet("/jobs/{id}/invitations", ForJob).WithTags("Invitations").WithName("GetJobInvitations")
            .WithSummary("The invitations sent for one of the employer's jobs").RequireAuthorization(p => p.RequireRole(employer));
        v1.MapGet("/me/invitations", Mine).WithTags("Invitations").WithName("GetMyInvitations")
            .WithSummary("The signed-in seeker's invitations, newest first").RequireAuthorization(p => p.RequireRole(seeker));
        v1.MapPost("/invitations/{id}/accept", Accept).WithTags("Invitations").WithName("AcceptInvitation")
            .WithSummary("Accept: applies to the job; the application id is returned").RequireAuthorization(p => p.RequireRole(seeker));
        v1.MapPost("/invitations/{id}/decline", Decline).WithTags("Invitations").WithName("DeclineInvitation")
            .WithSummary("Decline the invitation").RequireAuthorization(p => p.RequireRole(seeker));
        return v1;
    }

    public sealed record InviteRequest(string? TalentId, string? Message);
    public sealed record InvitationView(string Id, string JobId, string EmployerId, string TalentId, string Message, string Status,
        DateTime CreatedAt, DateTime ExpiresAt, DateTime? AnsweredAt, string? ApplicationId);

    public static InvitationView ToView(Invitation i) => new(i.Id, i.JobId, i.EmployerId, i.TalentId, i.Message, InvitationStatuses.ToFileName(i.Status),
        i.CreatedAt, i.ExpiresAt, i.AnsweredAt, i.ApplicationId);

    private static Results<Ok<InvitationView>, Created<InvitationView>, ProblemHttpResult> Answer(RecruitingResult<Invitation> result, bool created = false) =>
        result.Failure switch
        {
            RecruitingFailure.None when created => TypedResults.Created($"/api/v1/me/invitations", ToView(result.Value!)),
            RecruitingFailure.None => TypedResults.Ok(ToView(result.Value!)),
            RecruitingFailure.NotFound => ApiResults.NotFound(result.Message ?? "invitation"),
            RecruitingFailure.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: result.Message),
            RecruitingFailure.Limit => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "已达上限 / Limit reached", detail: result.Message),
            _ => ApiResults.Conflict(result.Message ?? "conflict"),
        };

    private static async Task<RecruitingActor?> ActorAsync(HttpContext http, UserManager<AppUser> users)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        return user is null ? null : new RecruitingActor(user.Id, user.IsEmployer ? user.EmployerId : null, user.IsSeeker ? user.TalentId : null);
    }

    private static async Task<Results<Ok<InvitationView>, Created<InvitationView>, ProblemHttpResult>> Invite(string id, InviteRequest body,
        InvitationService invitations, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.TalentId))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: "talentId is required");
        var actor = await ActorAsync(http, users);
        if (actor?.EmployerId is null) return ApiResults.NotFound($"job {id}");
        return Answer(await invitations.InviteAsync(actor, id, body.TalentId.Trim(), body.Message, ct), created: true);
    }

    private static async Task<Results<Ok<List<InvitationView>>, ProblemHttpResult>> ForJob(string id, InvitationService invitations, HttpContext http,
        UserManager<AppUser> users, Gongjiang.Application.Persistence.AppDbContext db, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor?.EmployerId is not { } employerId || !db.Jobs.Any(j => j.Id == id && j.EmployerId == employerId)) return ApiResults.NotFound($"job {id}");
        return TypedResults.Ok((await invitations.ForEmployerAsync(employerId, id, ct)).Select(ToView).ToList());
    }

    private static async Task<Results<Ok<List<InvitationView>>, ProblemHttpResult>> Mine(InvitationService invitations, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor?.TalentId is not { } talentId) return TypedResults.Problem(statusCode: 403, title: "No talent profile");
        return TypedResults.Ok((await invitations.ForTalentAsync(talentId, ct)).Select(ToView).ToList());
    }

    private static async Task<Results<Ok<InvitationView>, Created<InvitationView>, ProblemHttpResult>> Accept(string id, InvitationService invitations,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"invitation {id}");
        return Answer(await invitations.AcceptAsync(actor, id, ct));
    }

    private static async Task<Results<Ok<InvitationView>, Created<InvitationView>, ProblemHttpResult>> Decline(string id, InvitationService invitations,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"invitation {id}");
        return Answer(await invitations.DeclineAsync(actor, id, ct));
    }
}
