using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Headhunting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>
/// Editing a headhunting project (猎头项目) by the agency running it: target headcount, requirements, fee terms and status, with
/// the rules of <see cref="HeadhuntingService.UpdateAsync(RecruitingActor, string, ProjectInput, ProjectStatus?, Guid?, CancellationToken)"/>:
/// a closed project is read-only, and an edit made on a copy someone changed since is refused. The client and anyone else get 404.
/// </summary>
[Authorize(Roles = Roles.Agency)]
public sealed class EditModel(UserManager<AppUser> users, HeadhuntingService projects) : PageModel
{
    public sealed class ProjectEditForm
    {
        public string? Title { get; set; }
        public int TargetHeadcount { get; set; } = 1;
        public string? OccupationCode { get; set; }
        public int? MinGrade { get; set; }
        public string? City { get; set; }
        public int PayMin { get; set; }
        public int PayMax { get; set; }
        public string? Notes { get; set; }
        public string? FeeTerms { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Status { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty] public ProjectEditForm Form { get; set; } = new();
    public ProjectView View { get; private set; } = null!;
    public string? Problem { get; private set; }
    public bool Closed => View.Project.Status == ProjectStatus.Closed;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var p = View.Project;
        Form = new ProjectEditForm
        {
            Title = p.Title, TargetHeadcount = p.TargetHeadcount, OccupationCode = p.OccupationCode, MinGrade = p.MinGrade, City = p.CityCode,
            PayMin = p.PayMin, PayMax = p.PayMax, Notes = p.Notes, FeeTerms = p.FeeTerms, StartsOn = p.StartsOn, EndsOn = p.EndsOn,
            Status = ProjectStatuses.ToFileName(p.Status), Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var actor = (await ProjectPages.ActorAsync(User, users))!;
        var f = Form;
        RecruitingResult<HeadhuntingProject> result;
        if (!ProjectStatuses.TryParse(f.Status, out var status)) result = new(default, RecruitingFailure.Invalid, "请选择项目状态。");
        else
            result = await projects.UpdateAsync(actor, id, new ProjectInput(View.Project.ClientEmployerId, f.Title ?? "", f.TargetHeadcount, f.OccupationCode,
                f.MinGrade, f.City ?? "", f.PayMin, f.PayMax, f.Notes, f.FeeTerms, f.StartsOn, f.EndsOn), status, f.Version, ct);
        if (result.Failure == RecruitingFailure.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            Problem = result.Message;
            Response.StatusCode = result.Failure == RecruitingFailure.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Message"] = "项目已保存。";
        return Redirect($"/Agency/Projects/{id}");
    }

    /// <summary>The project as its agency sees it; false for the client or anyone else (not found).</summary>
    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var actor = await ProjectPages.ActorAsync(User, users);
        if (await projects.FindAsync(actor?.EmployerId, id, ct) is not { Role: ProjectRole.Agency } view) return false;
        View = view;
        return true;
    }
}
