using System.Security.Claims;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>The signed-in user's roles and what they own, read from the user store.</summary>
public sealed record CurrentUser(string Id, IReadOnlyList<string> Roles, string? EmployerId, string? TalentId)
{
    public bool IsOperator => Roles.Contains(Gongjiang.Application.Identity.Roles.Operator) || Roles.Contains(Gongjiang.Application.Identity.Roles.Admin);
    public bool IsEmployer => EmployerId is not null && (Roles.Contains(Gongjiang.Application.Identity.Roles.EmployerHR) || Roles.Contains(Gongjiang.Application.Identity.Roles.Agency));
    public bool IsSeeker => TalentId is not null && Roles.Contains(Gongjiang.Application.Identity.Roles.Seeker);

    public static async Task<CurrentUser?> FromAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var user = await users.GetUserAsync(principal);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        return new CurrentUser(user.Id, roles.ToList(), user.EmployerId, user.TalentId);
    }
}
