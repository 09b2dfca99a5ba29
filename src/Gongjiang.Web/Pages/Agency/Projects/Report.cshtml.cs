using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Headhunting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>The project's weekly or monthly report (项目周报/月报), for the agency and, read-only, for the client.</summary>
public sealed class ReportModel(UserManager<AppUser> users, HeadhuntingService projects) : PageModel
{
    public ProjectView View { get; private set; } = null!;
    public ProjectReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, string? period, CancellationToken ct)
    {
        var actor = await ProjectPages.ActorAsync(User, users);
        var view = await projects.FindAsync(actor?.EmployerId, id, ct);
        if (view is null) return NotFound();
        View = view;
        Report = projects.Report(view.Project, period == "monthly" ? ReportPeriod.Monthly : ReportPeriod.Weekly);
        return Page();
    }
}
