using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Headhunting;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>
/// Editing a headhunting project (猎头项目) by the agency running it: target headcount, requirements, fee terms and status, with
/// the rules of <see cref="UpdateProject"/>: a closed project is read-only, and an edit made on a copy someone changed since is
/// refused. The client and anyone else get 404.
/// </summary>
[Authorize(Roles = Roles.Agency)]
public sealed class EditModel(IUseCases useCases) : PageModel
{
    public sealed class ProjectEditForm
    {
        public string? ClientEmployerId { get; set; }
        public string? Title { get; set; }
        public int? TargetHeadcount { get; set; } = 1;
        public string? OccupationCode { get; set; }
        public int? MinGrade { get; set; }
        public string? City { get; set; }
        public int? PayMin { get; set; }
        public int? PayMax { get; set; }
        public string? Notes { get; set; }
        public string? FeeTerms { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Status { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty] public ProjectEditForm Form { get; set; } = new();
    public ProjectView View { get; private set; } = null!;
    public bool Closed => View.Project.Status == ProjectStatus.Closed;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var p = View.Project;
        Form = new ProjectEditForm
        {
            ClientEmployerId = p.ClientEmployerId, Title = p.Title, TargetHeadcount = p.TargetHeadcount, OccupationCode = p.OccupationCode,
            MinGrade = p.MinGrade, City = p.CityCode, PayMin = p.PayMin, PayMax = p.PayMax, Notes = p.Notes, FeeTerms = p.FeeTerms, StartsOn = p.StartsOn,
            EndsOn = p.EndsOn, Status = ProjectStatuses.ToFileName(p.Status), Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var f = Form;
        var result = await useCases.RunAsync(new UpdateProject.Command(id, new ProjectInput(f.ClientEmployerId, f.Title, f.TargetHeadcount, f.OccupationCode,
            f.MinGrade, f.City, f.PayMin, f.PayMax, f.Notes, f.FeeTerms, f.StartsOn, f.EndsOn), f.Status ?? "", f.Version), ct);
        if (result.HasError(HeadhuntingErrors.ProjectNotFound)) return NotFound();
        if (result.Succeeded)
        {
            TempData["Message"] = "项目已保存。";
            return Redirect($"/Agency/Projects/{id}");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear(); // the form re-renders from Form; the use case's errors replace the binder's
        ModelState.AddResultErrors(result.Errors, "Form");
        Response.StatusCode = result.FailureKind == ErrorKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The project as its agency sees it; false for the client or anyone else (not found).</summary>
    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var detail = await useCases.RunAsync(new GetProject.Query(id), ct);
        if (!detail.Succeeded || detail.Value.View.Role != ProjectRole.Agency) return false;
        View = detail.Value.View;
        return true;
    }
}
