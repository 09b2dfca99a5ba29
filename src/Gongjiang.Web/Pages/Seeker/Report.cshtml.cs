using Gongjiang.Application.Compliance;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>Report a posting or an employer (举报虚假招聘): category, what happened, optional evidence.</summary>
public sealed class ReportModel(ComplaintService complaints, JobService jobs, EmployerService employers, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Job { get; set; }
    [BindProperty(SupportsGet = true)] public string? Employer { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public string TargetTitle { get; private set; } = "";
    public string? TargetEmployer { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    private async Task<bool> LoadTargetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Job))
        {
            var job = await jobs.FindAsync(Job.Trim(), ct);
            if (job is null || !job.IsOpenOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))) return false;
            TargetTitle = job.Title;
            TargetEmployer = (await employers.FindAsync(job.EmployerId, ct))?.Name;
            Employer = null;
            return true;
        }
        if (!string.IsNullOrWhiteSpace(Employer))
        {
            var employer = await employers.FindAsync(Employer.Trim(), ct);
            if (employer is null || employer.Verification is not (VerificationStatus.Verified or VerificationStatus.Suspended)) return false;
            TargetTitle = employer.Name;
            return true;
        }
        return false;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadTargetAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadTargetAsync(ct)) return NotFound();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ComplaintCategories.TryParse(Category, out var category))
        {
            Errors["category"] = "请选择举报类别。";
            return Page();
        }
        var result = await complaints.ReportAsync(new ComplianceActor(user.Id), new ComplaintInput(Job, Employer, category, Description, Evidence), ct);
        if (result.Failure == ComplianceFailure.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            Errors[result.Field ?? "description"] = result.Message ?? "";
            return Page();
        }
        Message = "举报已提交，平台将尽快核实处理。";
        return RedirectToPage("/Seeker/Reports");
    }
}
