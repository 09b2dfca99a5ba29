using System.Security.Claims;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>The employer the signed-in HR or agency user acts for; every employer page starts here.</summary>
public static class EmployerAccount
{
    public static async Task<Core.Employers.Employer?> CurrentAsync(ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user?.EmployerId is not { } id) return null;
        return await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    /// <summary>Why the employer cannot publish now, as a UI text key; null when it can (the gate of <see cref="Core.Employers.Employer.WhyCannotPublish"/>).</summary>
    public static string? WhyCannotPublish(Core.Employers.Employer employer, TimeProvider? clock = null) =>
        employer.WhyCannotPublish((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
}
