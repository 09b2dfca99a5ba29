using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Recruiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Jobs;

/// <summary>
/// One posting in full, and applying (申请) to it. Drafts and closed postings are shown only to their employer and to operators;
/// a posting taken down by the platform shows everyone else that it was taken down and why.
/// </summary>
public sealed class DetailModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }

    public GetJobPage.JobPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var page = await useCases.RunAsync(new GetJobPage.Query(id), ct);
        if (!page.Succeeded) return NotFound();
        View = page.Value;
        // A posting the platform took down is gone for good (410), with the reason on the page.
        if (View.Removal is not null) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string id, CancellationToken ct)
    {
        var applied = await useCases.RunAsync(new ApplyToJob.Command(id), ct);
        if (applied.FailureKind == ErrorKind.Forbidden) return Challenge();
        if (applied.FailureKind == ErrorKind.NotFound) return NotFound();
        if (!applied.Succeeded) { Problem = ErrorText.For(applied.Errors[0]); return RedirectToPage(new { id }); }
        return RedirectToPage("/Seeker/Applications");
    }
}
