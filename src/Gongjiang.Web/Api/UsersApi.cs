using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>用户管理 for administrators: list and search accounts, change roles, disable and enable, unlock. Every change is in the service log.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder v1)
    {
        var users = v1.MapGroup("/users").WithTags("Users").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        users.MapGet("/", List).WithName("ListUsers").WithSummary("Accounts by user name, display name or employer (q), optionally of one role, newest first");
        users.MapPut("/{id}/roles", ChangeRoles).WithName("ChangeUserRoles").WithSummary("Give the account these roles (an employer's roles need an employer, a seeker's a profile)");
        users.MapPost("/{id}/disable", Disable).WithName("DisableUser").WithSummary("Disable the account (reason required): it cannot sign in and its sessions end");
        users.MapPost("/{id}/enable", Enable).WithName("EnableUser").WithSummary("Enable a disabled account");
        users.MapPost("/{id}/unlock", Unlock).WithName("UnlockUser").WithSummary("Lift a lockout after failed sign-ins");
        return v1;
    }

    public sealed record RolesRequest(IReadOnlyList<string>? Roles);
    public sealed record ReasonRequest(string? Reason);
    public sealed record UserView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? EmployerId, string? EmployerName,
        string? TalentId, DateTime CreatedAt, bool Locked, DateTimeOffset? LockedUntil, bool Disabled, DateTime? DisabledAt)
    {
        public static UserView Of(UserRow r) => new(r.Id, r.UserName, r.DisplayName, r.Roles, r.EmployerId, r.EmployerName, r.TalentId, r.CreatedAt,
            r.Locked, r.LockedUntil, r.DisabledAt is not null, r.DisabledAt);
    }
    public sealed record UserListView(IReadOnlyList<UserView> Items, int Page, int PageSize, int Total);

    private static async Task<Results<Ok<UserListView>, ProblemHttpResult>> List(IUseCases useCases, string? q, string? role,
        [Range(1, Paging.MaxPage), Description("Page number, 1–10000 (default 1); outside it 400 naming the field")] int? page,
        [Range(1, Paging.MaxPageSize), Description("Items per page, 1–100 (default 20); outside it 400 naming the field")] int? pageSize, CancellationToken ct) =>
        (await useCases.RunAsync(new ListUsers.Query(q, role, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .ToHttp(p => new UserListView(p.Items.Select(UserView.Of).ToList(), p.Page, p.PageSize, p.Total));

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRoles(string id, RolesRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangeUserRoles.Command(id, body.Roles), ct)).ToHttp(UserView.Of);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Disable(string id, ReasonRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SetUserDisabled.Command(id, true, body.Reason), ct)).ToHttp(UserView.Of);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Enable(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SetUserDisabled.Command(id, false, null), ct)).ToHttp(UserView.Of);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Unlock(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new UnlockUser.Command(id), ct)).ToHttp(UserView.Of);
}
