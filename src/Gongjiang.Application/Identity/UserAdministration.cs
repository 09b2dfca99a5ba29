using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>One account as an administrator sees it: who, which roles, whose, and whether it can sign in.</summary>
/// <param name="Locked">Locked out after failed sign-ins, now (a disabled account is not counted as locked).</param>
public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? EmployerId, string? EmployerName,
    string? TalentId, DateTime CreatedAt, bool Locked, DateTimeOffset? LockedUntil, DateTime? DisabledAt);

public sealed record UserPage(IReadOnlyList<UserRow> Items, int Page, int PageSize, int Total);

/// <summary>
/// The rules the administrators' account use cases share: only an administrator (Admin role) acts; an account is found by
/// id; and the row as the list shows it.
/// </summary>
public sealed class UserAdministration(AppDbContext db, ICurrentUser currentUser, UserManager<AppUser> users, ServiceLog log, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
    public UserManager<AppUser> Users => users;
    public ServiceLog Log => log;

    public async Task<Result<Actor>> AdminAsync(CancellationToken ct) =>
        await currentUser.GetAsync(ct) is { } actor && actor.Roles.Contains(Roles.Admin) ? actor : Error.Forbidden(UserErrors.AdminOnly);

    public async Task<Result<AppUser>> FindAsync(string userId, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is { } user ? user : Error.NotFound(UserErrors.NotFound);

    public async Task<UserRow> RowAsync(AppUser user, CancellationToken ct) => (await RowsAsync([user], ct))[0];

    public async Task<List<UserRow>> RowsAsync(IReadOnlyList<AppUser> page, CancellationToken ct)
    {
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var employerIds = page.Where(u => u.EmployerId != null).Select(u => u.EmployerId!).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return page.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.EmployerId, u.EmployerId is { } e ? employers.GetValueOrDefault(e) : null, u.TalentId, u.CreatedAt,
            u.DisabledAt is null && u.LockoutEnd is { } until && until > Now, u.DisabledAt is null ? u.LockoutEnd : null, u.DisabledAt)).ToList();
    }
}

/// <summary>用户管理: accounts by user name, display name or employer, optionally of one role, newest first.</summary>
public static class ListUsers
{
    public sealed record Query(string? Text = null, string? Role = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IUseCase<UserPage>;

    public sealed class Handler(AppDbContext db, UserAdministration admin) : IUseCaseHandler<Query, UserPage>
    {
        public async Task<Result<UserPage>> HandleAsync(Query query, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<UserPage>();
            var errors = Paging.Check(new ErrorList(), query.Page, query.PageSize);
            if (query.Role is { Length: > 0 } role && !Roles.All.Contains(role)) errors.Add("role", UserErrors.UnknownRole);
            if (!errors.IsEmpty) return errors;
            var users = db.Users.AsNoTracking();
            if (query.Text?.Trim() is { Length: > 0 } text)
            {
                var upper = text.ToUpperInvariant();
                users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(text)
                    || (u.EmployerId != null && db.Employers.Any(e => e.Id == u.EmployerId && e.Name.Contains(text))));
            }
            if (query.Role is { Length: > 0 } r)
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == r)));
            var total = await users.CountAsync(ct);
            var page = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserName)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
            return new UserPage(await admin.RowsAsync(page, ct), query.Page, query.PageSize, total);
        }
    }
}

/// <summary>
/// An administrator gives an account its roles. An employer's roles need the account to belong to an employer, a
/// seeker's a profile; administrators cannot take their own Admin role away. Logged with the old and new roles.
/// </summary>
public static class ChangeUserRoles
{
    public sealed record Command(string UserId, IReadOnlyList<string>? Roles) : IUseCase<UserRow>;

    public sealed class Handler(UserAdministration admin) : IUseCaseHandler<Command, UserRow>
    {
        public async Task<Result<UserRow>> HandleAsync(Command command, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<UserRow>();
            var found = await admin.FindAsync(command.UserId, ct);
            if (!found.Succeeded) return found.Cast<UserRow>();
            var user = found.Value;
            var wanted = (command.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToList();
            if (wanted.Count == 0) return Error.Invalid("roles", UserErrors.RolesRequired);
            if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) return Error.Invalid("roles", UserErrors.UnknownRole, unknown);
            if ((wanted.Contains(Roles.EmployerHR) || wanted.Contains(Roles.Agency)) && user.EmployerId is null) return Error.Refused(UserErrors.EmployerRoleWithoutEmployer);
            if (wanted.Contains(Roles.Seeker) && user.TalentId is null) return Error.Refused(UserErrors.SeekerRoleWithoutProfile);
            if (user.Id == acting.Value.UserId && !wanted.Contains(Roles.Admin)) return Error.Refused(UserErrors.OwnAdminRole);
            var current = await admin.Users.GetRolesAsync(user);
            var before = string.Join(",", current.Order());
            admin.Log.Write(acting.Value.UserId, ServiceActions.UserRolesChanged, ServiceTargets.Account, user.Id, $"{before} → {string.Join(",", wanted.Order())}");
            var removed = await admin.Users.RemoveFromRolesAsync(user, current.Except(wanted));
            var added = removed.Succeeded ? await admin.Users.AddToRolesAsync(user, wanted.Except(current)) : removed;
            if (!added.Succeeded) throw new InvalidOperationException("Roles could not be changed: " + string.Join(" ", added.Errors.Select(e => e.Description)));
            await admin.Users.UpdateSecurityStampAsync(user); // the account's sessions pick up the new roles
            return await admin.RowAsync(user, ct);
        }
    }
}

/// <summary>
/// An administrator disables (停用, a reason required) or enables an account. A disabled account cannot sign in by password
/// or code and its sessions end; its applications, postings and log entries stay. Administrators cannot disable themselves.
/// </summary>
public static class SetUserDisabled
{
    public sealed record Command(string UserId, bool Disabled, string? Reason) : IUseCase<UserRow>;

    public sealed class Handler(UserAdministration admin) : IUseCaseHandler<Command, UserRow>
    {
        public async Task<Result<UserRow>> HandleAsync(Command command, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<UserRow>();
            var found = await admin.FindAsync(command.UserId, ct);
            if (!found.Succeeded) return found.Cast<UserRow>();
            var user = found.Value;
            var reason = command.Reason?.Trim();
            if (command.Disabled && string.IsNullOrEmpty(reason)) return Error.Invalid("reason", UserErrors.ReasonRequired);
            if (command.Disabled && user.Id == acting.Value.UserId) return Error.Refused(UserErrors.DisableSelf);
            admin.Log.Write(acting.Value.UserId, command.Disabled ? ServiceActions.UserDisabled : ServiceActions.UserEnabled, ServiceTargets.Account, user.Id, reason);
            user.DisabledAt = command.Disabled ? admin.Now.UtcDateTime : null;
            user.LockoutEnabled = true;
            user.LockoutEnd = command.Disabled ? DateTimeOffset.MaxValue : null;
            user.AccessFailedCount = 0;
            var updated = await admin.Users.UpdateAsync(user);
            if (!updated.Succeeded) throw new InvalidOperationException("The account could not be saved: " + string.Join(" ", updated.Errors.Select(e => e.Description)));
            if (command.Disabled) await admin.Users.UpdateSecurityStampAsync(user);
            return await admin.RowAsync(user, ct);
        }
    }
}

/// <summary>An administrator lifts a lockout after failed sign-ins (解锁) before it runs out; a disabled account is enabled instead.</summary>
public static class UnlockUser
{
    public sealed record Command(string UserId) : IUseCase<UserRow>;

    public sealed class Handler(UserAdministration admin) : IUseCaseHandler<Command, UserRow>
    {
        public async Task<Result<UserRow>> HandleAsync(Command command, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<UserRow>();
            var found = await admin.FindAsync(command.UserId, ct);
            if (!found.Succeeded) return found.Cast<UserRow>();
            var user = found.Value;
            if (user.DisabledAt is not null) return Error.Conflict(UserErrors.DisabledNotLocked);
            admin.Log.Write(acting.Value.UserId, ServiceActions.UserUnlocked, ServiceTargets.Account, user.Id);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var updated = await admin.Users.UpdateAsync(user);
            if (!updated.Succeeded) throw new InvalidOperationException("The account could not be saved: " + string.Join(" ", updated.Errors.Select(e => e.Description)));
            return await admin.RowAsync(user, ct);
        }
    }
}

/// <summary>Codes of the account-administration errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class UserErrors
{
    public const string AdminOnly = "user.admin_only";
    public const string NotFound = "user.not_found";
    public const string UnknownRole = "user.unknown_role";
    public const string RolesRequired = "user.roles_required";
    public const string EmployerRoleWithoutEmployer = "user.employer_role_without_employer";
    public const string SeekerRoleWithoutProfile = "user.seeker_role_without_profile";
    public const string OwnAdminRole = "user.own_admin_role";
    public const string ReasonRequired = "user.reason_required";
    public const string DisableSelf = "user.disable_self";
    public const string DisabledNotLocked = "user.disabled_not_locked";
}
