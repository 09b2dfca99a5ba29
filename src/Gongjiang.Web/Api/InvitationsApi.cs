using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static async Task<Results<Created<InvitationView>, ProblemHttpResult>> Invite(string id, InviteRequest body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new InviteTalent.Command(id, body.TalentId, body.Message), ct)).ToCreated(_ => "/api/v1/me/invitations", ToView);

    private static async Task<Results<Ok<List<InvitationView>>, ProblemHttpResult>> ForJob(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListJobInvitations.Query(id), ct)).ToHttp(list => list.Select(ToView).ToList());

    private static async Task<Results<Ok<List<InvitationView>>, ProblemHttpResult>> Mine(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListMyInvitations.Query(), ct)).ToHttp(mine => mine.Items.Select(ToView).ToList());

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> Accept(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerInvitation.Command(id, Accept: true), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> Decline(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerInvitation.Command(id, Accept: false), ct)).ToHttp(ToView);
}
