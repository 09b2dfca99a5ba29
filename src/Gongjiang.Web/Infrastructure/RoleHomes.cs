using Gongjiang.Application.Identity;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// Where each role starts after signing in (unless it came with a page to return to): a seeker at the jobs recommended to
/// them (with their applications one tap away), HR at its postings with the new applicants of each, an agency at its
/// headhunting projects, operators and admins at the dashboard.
/// </summary>
public static class RoleHomes
{
    public static string For(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var held = roles.ToHashSet(StringComparer.Ordinal);
        if (held.Contains(Roles.Operator) || held.Contains(Roles.Admin)) return "/Operator";
        if (held.Contains(Roles.EmployerHR)) return "/Employer/Jobs";
        if (held.Contains(Roles.Agency)) return "/Agency/Projects";
        if (held.Contains(Roles.Seeker)) return "/Seeker/Recommendations";
        return "/";
    }
}
