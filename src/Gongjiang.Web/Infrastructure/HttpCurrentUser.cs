using Gongjiang.Application.Common;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Infrastructure;

/// <summary>The signed-in user of the request, read from the user store once per request.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor http, UserManager<AppUser> users, ActingUser acting) : ICurrentUser
{
    private Actor? actor;
    private bool read;

    public async ValueTask<Actor?> GetAsync(CancellationToken ct = default)
    {
        if (acting.Actor is { } stated) return stated;
        if (read) return actor;
        var principal = http.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated == true && await users.GetUserAsync(principal) is { } user)
            // An API credential acts with its one role only; a signed-in session with all of the account's roles.
            actor = new Actor(user.Id, principal.Identity.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName
                ? principal.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList()
                : (await users.GetRolesAsync(user)).ToList(), user.EmployerId, user.TalentId);
        read = true;
        return actor;
    }
}
