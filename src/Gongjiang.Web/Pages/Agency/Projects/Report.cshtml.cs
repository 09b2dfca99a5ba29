using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Core.Headhunting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>The project's weekly or monthly report (项目周报/月报), for the agency and, read-only, for the client.</summary>
public sealed class ReportModel(IUseCases useCases) : PageModel
{
    public ProjectView View { get; private set; } = null!;
    public ProjectReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, string? period, CancellationToken ct)
    {
        var report = await useCases.RunAsync(new GetProjectReport.Query(id, period == "monthly" ? "monthly" : "weekly"), ct);
        if (!report.Succeeded) return NotFound();
        (View, Report) = (report.Value.View, report.Value.Report);
        return Page();
    }
}
