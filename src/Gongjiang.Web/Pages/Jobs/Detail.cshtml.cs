using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Jobs;

/// <summary>One posting in full. Drafts and closed postings are shown only to their employer and to operators.</summary>
public sealed class DetailModel(JobService jobs, EmployerService employers, UserManager<AppUser> users, TimeProvider clock, RecruitingService recruiting) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public Core.Employers.Employer? Employer { get; private set; }
    public bool IsOwner { get; private set; }
    /// <summary>A signed-in seeker can apply (申请); their application's stage once they have.</summary>
    public bool CanApply { get; private set; }
    public ApplicationStage? AppliedStage { get; private set; }
    [TempData] public string? Problem { get; set; }

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
        if (user?.TalentId is { } talentId && User.IsInRole(Roles.Seeker))
        {
            AppliedStage = (await recruiting.ForSeekerAsync(talentId, ct)).FirstOrDefault(a => a.JobId == id)?.Stage;
            CanApply = AppliedStage is null && job.IsOpenOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string id, CancellationToken ct)
    {
        var user = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        if (user?.TalentId is null || !User.IsInRole(Roles.Seeker)) return Challenge();
        var result = await recruiting.ApplyAsync(new RecruitingActor(user.Id, null, user.TalentId, user.DisplayName), id, ct);
        if (result.Failure == RecruitingFailure.NotFound) return NotFound();
        if (!result.Succeeded) { Problem = result.Message; return RedirectToPage(new { id }); }
        return RedirectToPage("/Seeker/Applications");
    }
}
