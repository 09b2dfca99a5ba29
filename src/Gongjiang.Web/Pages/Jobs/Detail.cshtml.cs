using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Jobs;

/// <summary>One posting in full. Drafts and closed postings are shown only to their employer and to operators.</summary>
public sealed class DetailModel(JobService jobs, EmployerService employers, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public Core.Employers.Employer? Employer { get; private set; }
    public bool IsOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, ct);
        if (job is null) return NotFound();
        var user = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        IsOwner = user?.EmployerId is { } mine && mine == job.EmployerId;
        var isOperator = User.IsInRole(Roles.Operator) || User.IsInRole(Roles.Admin);
        if (!job.IsOpenOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) && !IsOwner && !isOperator) return NotFound();
        Job = job;
        Employer = await employers.FindAsync(job.EmployerId, ct);
        return Page();
    }
}
