using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>
/// 猎头项目: an agency's projects with their funnel and delivery rate, and the form for a new one; an HR user sees the
/// projects agencies run for their employer (read-only).
/// </summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public sealed class ProjectForm
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
    }

    [BindProperty] public ProjectForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public ListProjects.ProjectList View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = Form;
        var result = await useCases.RunAsync(new CreateProject.Command(new ProjectInput(f.ClientEmployerId, f.Title, f.TargetHeadcount, f.OccupationCode,
            f.MinGrade, f.City, f.PayMin, f.PayMax, f.Notes, f.FeeTerms, f.StartsOn, f.EndsOn)), ct);
        if (result.HasError(HeadhuntingErrors.AgencyOnly)) return Forbid();
        if (result.Succeeded)
        {
            Message = "项目已创建。";
            return Redirect($"/Agency/Projects/{result.Value.View.Project.Id}");
        }
        ModelState.Clear(); // the form re-renders from Form; the use case's errors replace the binder's
        ModelState.AddResultErrors(result.Errors, "Form");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListProjects.Query(WithClients: true), ct);
        if (!list.Succeeded) return false;
        View = list.Value;
        return true;
    }
}
