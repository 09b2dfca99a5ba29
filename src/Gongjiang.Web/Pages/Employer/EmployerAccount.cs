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

    /// <summary>Why the employer cannot publish yet, as a UI text key; null when it can.</summary>
    public static string? WhyCannotPublish(Core.Employers.Employer employer) => employer.Verification switch
    {
        VerificationStatus.Verified => null,
        VerificationStatus.Pending => "企业认证正在审核中。审核通过后才能发布岗位，在此之前岗位可以保存为草稿。",
        VerificationStatus.Rejected => "企业认证未通过，暂不能发布岗位。请根据审核意见补充材料后联系园区重新审核。",
        VerificationStatus.Suspended => "企业账号已被暂停，暂不能发布岗位。请联系园区运营人员。",
        _ => "企业尚未认证，暂不能发布岗位。",
    };
}
