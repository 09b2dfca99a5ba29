using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// A company's HR users (成员): any HR user of the company lists them; its administrators invite further HR users by mobile
/// number, remove members (their history stays) and make administrators. The invitee signs up through the SMS link with
/// <c>/account/join</c>. A number or e-mail of another company's account answers 409 <c>member.other_company</c>; the last
/// administrator is not removed (422 <c>member.last_admin</c>); a non-administrator gets 403.
/// </summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder v1)
    {
        var employer = new[] { Roles.EmployerHR, Roles.Agency };
        var group = v1.MapGroup("/employer/members").WithTags("Company members").RequireAuthorization(p => p.RequireRole(employer));
        group.MapGet("/", List).WithName("ListMembers").WithSummary("The company's HR users, those removed (kept for their history) and open invitations");
        group.MapPost("/invitations", Invite).WithName("InviteMember")
            .WithSummary("Administrators: invite an HR user by mobile number (and optional e-mail); the SMS carries the sign-up link, returned once here too");
        group.MapDelete("/invitations/{id}", Withdraw).WithName("WithdrawMemberInvitation").WithSummary("Administrators: withdraw an open invitation");
        group.MapDelete("/{userId}", Remove).WithName("RemoveMember")
            .WithSummary("Administrators: remove a member; the account no longer acts for the company, its jobs, notes and log entries keep its name");
        group.MapPost("/{userId}/admin", SetAdmin).WithName("SetMemberAdmin").WithSummary("Administrators: make a member an administrator ({\"admin\":true}) or not");

        v1.MapGet("/account/invitations/{token}", GetInvitation).WithTags("Account").WithName("GetMemberInvitation")
            .WithSummary("The company and masked number of an invitation, by the token in its link; 404 when used, withdrawn or expired")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        v1.MapPost("/account/invitations/{token}/phone-code", SendCode).WithTags("Account").WithName("SendMemberInvitationCode")
            .WithSummary("Send the sign-up code to the invited number (202); limits as every code").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        v1.MapPost("/account/join", Join).WithTags("Account").WithName("JoinEmployer")
            .WithSummary("Sign up through an invitation: token, userName, password, personName and the code sent to the invited number; the account is HR of the inviting company")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        return v1;
    }

    public sealed record InviteRequest(string? Phone, string? Email);
    public sealed record AdminRequest(bool Admin);
    public sealed record JoinRequest(string? Token, string? UserName, string? Password, string? PersonName, string? Code);
    public sealed record MemberView(string UserId, string UserName, string DisplayName, string? Phone, string? Email, bool IsAdmin, DateTime CreatedAt, DateTime? LeftAt);
    public sealed record InviteView(string Id, string Phone, string? Email, DateTime CreatedAt, DateTime ExpiresAt, string InvitedBy);
    public sealed record MembersView(string EmployerId, string EmployerName, bool CanManage, IReadOnlyList<MemberView> Members, IReadOnlyList<MemberView> Former,
        IReadOnlyList<InviteView> Invitations);
    public sealed record InviteSentView(InviteView Invitation, string Link);
    public sealed record InvitationInfo(string EmployerName, string Phone, string? Email, DateTime ExpiresAt);
    public sealed record JoinedView(string UserId, string UserName, string EmployerId);

    private static MemberView ToView(MemberRow m) => new(m.UserId, m.UserName, m.DisplayName, m.MaskedPhone, m.Email, m.IsAdmin, m.CreatedAt, m.LeftAt);
    private static InviteView ToView(InviteRow i) => new(i.Id, i.MaskedPhone, i.Email, i.CreatedAt, i.ExpiresAt, i.InvitedBy);

    /// <summary>Where the sign-up link in the SMS points: this site, as the request reached it.</summary>
    public static string SiteAddress(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<Results<Ok<MembersView>, ProblemHttpResult>> List(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListMembers.Query(), ct)).ToHttp(l => new MembersView(l.EmployerId, l.EmployerName, l.CanManage,
            l.Members.Select(ToView).ToList(), l.Former.Select(ToView).ToList(), l.Invites.Select(ToView).ToList()));

    private static async Task<Results<Created<InviteSentView>, ProblemHttpResult>> Invite(InviteRequest body, HttpRequest request, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new InviteMember.Command(body.Phone, body.Email, SiteAddress(request)), ct))
            .ToCreated(_ => "/api/v1/employer/members", s => new InviteSentView(ToView(s.Invite), s.Link));

    private static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new WithdrawInvite.Command(id), ct)).ToNoContent();

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Remove(string userId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RemoveMember.Command(userId), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> SetAdmin(string userId, AdminRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SetMemberAdmin.Command(userId, body.Admin), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<InvitationInfo>, ProblemHttpResult>> GetInvitation(string token, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetInvite.Query(token), ct)).ToHttp(i => new InvitationInfo(i.EmployerName, i.MaskedPhone, i.Email, i.ExpiresAt));

    private static async Task<Results<Accepted, ProblemHttpResult>> SendCode(string token, HttpContext http, IUseCases useCases, CancellationToken ct)
    {
        var sent = await useCases.RunAsync(new SendInviteCode.Command(token, http.Connection.RemoteIpAddress?.ToString()), ct);
        return sent.Succeeded ? TypedResults.Accepted((string?)null) : ResultHttp.Problem(sent.Errors);
    }

    private static async Task<Results<Created<JoinedView>, ProblemHttpResult>> Join(JoinRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new JoinEmployer.Command(body.Token, body.UserName, body.Password, body.PersonName, body.Code), ct))
            .ToCreated(u => "/api/v1/employer/members", u => new JoinedView(u.Id, u.UserName ?? "", u.EmployerId!));
}
