using Gongjiang.Application.Campus;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// Editing a campus campaign (校园招聘): name, notice, majors, schools, graduation year and linked jobs, with the rules of
/// <see cref="CampusService.UpdateAsync"/>: a finished campaign (its talks all held) is read-only, and an edit made on a copy
/// someone changed since is refused. Another employer's campaign is not found.
/// </summary>
[Authorize(Roles = Roles.EmployerHR)]
public sealed class CampusEditModel(UserManager<AppUser> users, AppDbContext db, CampusService campus, TimeProvider clock) : PageModel
{
    public sealed class CampaignForm
    {
        public string? Title { get; set; }
        public string? Message { get; set; }
        public string? Majors { get; set; }
        public string? Schools { get; set; }
        public int GraduationYear { get; set; }
        public List<string> JobIds { get; set; } = [];
        public Guid Version { get; set; }
    }

    [BindProperty] public CampaignForm Form { get; set; } = new();
    public CampusCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<JobPosting> Jobs { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Finished => Campaign.IsFinished(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var c = Campaign;
        Form = new CampaignForm
        {
            Title = c.Title, Message = c.Message, Majors = string.Join(", ", c.MajorCodes), Schools = string.Join(", ", c.Schools),
            GraduationYear = c.GraduationYear, JobIds = c.JobIds.ToList(), Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { EmployerId: { } employerId } user) return NotFound();
        var actor = new RecruitingActor(user.Id, employerId, null);
        var f = Form;
        var result = await campus.UpdateAsync(actor, id, new CampaignInput(f.Title ?? "", f.Message ?? "", Split(f.Majors), Split(f.Schools), f.GraduationYear,
            f.JobIds ?? []), f.Version, ct);
        if (result.Failure == RecruitingFailure.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Problem = result.Message;
            Response.StatusCode = result.Failure == RecruitingFailure.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Message"] = "校园招聘活动已保存。";
        return RedirectToPage("/Employer/Campus");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (await campus.FindAsync(user?.EmployerId, id, ct) is not { } campaign) return false;
        Campaign = campaign;
        var linked = campaign.JobIds;
        Jobs = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == campaign.EmployerId && (j.Status == JobStatus.Open || linked.Contains(j.Id)))
            .OrderByDescending(j => j.CreatedAt).Take(100).ToListAsync(ct);
        return true;
    }

    private static List<string> Split(string? text) =>
        text?.Split([',', '，', ';', '；', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
}
