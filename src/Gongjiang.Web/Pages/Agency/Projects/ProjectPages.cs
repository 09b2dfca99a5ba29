using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>The signed-in agency or HR user as the headhunting pages act for them.</summary>
internal static class ProjectPages
{
    public static async Task<RecruitingActor?> ActorAsync(ClaimsPrincipal principal, UserManager<AppUser> users) =>
        await users.GetUserAsync(principal) is { EmployerId: not null } user
            ? new RecruitingActor(user.Id, user.EmployerId, null, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName)
            : null;

    public static string Percent(double rate) => rate.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);
}
