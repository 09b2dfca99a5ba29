using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Shared;

/// <summary>
/// 导入进度: a background import's progress bar (refreshed by import-progress.js from <c>GET /api/v1/import/tasks/{id}</c>),
/// its counts and the rows not imported, with a cancel button while it runs. Its uploader and operators see it; anyone
/// else gets 404.
/// </summary>
public abstract class ImportProgressPage(IUseCases useCases) : PageModel
{
    public ImportProgress? Progress { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>The import page of the role.</summary>
    public abstract string BackUrl { get; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new GetImportProgress.Query(id), ct);
        if (!result.Succeeded) return NotFound();
        Progress = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new CancelImport.Command(id), ct);
        if (result.Succeeded) return RedirectToPage(new { id });
        if (result.Errors[0].Kind == ErrorKind.NotFound) return NotFound();
        var shown = await OnGetAsync(id, ct);
        Problem = ErrorText.For(result.Errors[0]);
        return shown;
    }
}

/// <summary>The progress panel (_ImportProgress) and the import page to go back to.</summary>
public sealed record ImportProgressPanel(ImportProgress Progress, string? Problem, string BackUrl);
