using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>Report a posting or an employer (举报虚假招聘): category, what happened, optional evidence.</summary>
public sealed class ReportModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Job { get; set; }
    [BindProperty(SupportsGet = true)] public string? Employer { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    /// <summary>What is reported: a visible posting (with its employer) or a verified employer.</summary>
    public GetReportTarget.Target? Target { get; private set; }
    [TempData] public string? Message { get; set; }

    private async Task<bool> LoadTargetAsync(CancellationToken ct)
    {
        var target = await useCases.RunAsync(new GetReportTarget.Query(Job, Employer), ct);
        Target = target.Succeeded ? target.Value : null;
        return target.Succeeded;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadTargetAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadTargetAsync(ct)) return NotFound();
        var result = await useCases.RunAsync(new ReportComplaint.Command(Target!.JobId, Target.EmployerId, Category, Description, Evidence), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (ModelState.AddResultErrors(result.Errors, "Form")) return Page();
        Message = "举报已提交，平台将尽快核实处理。";
        return RedirectToPage("/Seeker/Reports");
    }
}
