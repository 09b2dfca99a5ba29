using System.Security.Claims;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// 批量导入岗位: an employer uploads its own jobs as CSV or XLSX, sees every row checked (with `line N: reason` for the bad ones),
/// then confirms to import the valid rows. Every job becomes the employer's own.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
[RequestSizeLimit(32 * 1024 * 1024)]
public sealed class ImportModel(IUseCases useCases) : PageModel
{
    public ImportPreview? Preview { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Token { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    /// <summary>The CSV template: the header of the columns the importer reads, to fill in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var template = await useCases.RunAsync(new GetImportTemplate.Query(ImportSheet.Jobs), ct);
        if (!template.Succeeded) return NotFound();
        return File(template.Value.Content, template.Value.ContentType, template.Value.FileName);
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        var (outcome, token) = await ImportUploads.PreviewAsync(useCases, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ImportSheet.Jobs, file, ct);
        Show(outcome, token);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? token, string? fileName, CancellationToken ct)
    {
        var started = await ImportUploads.ImportAsync(useCases, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ImportSheet.Jobs, token, fileName, ct);
        if (started.Succeeded && started.Value.Task is { } task) return RedirectToPage("/Employer/ImportProgress", new { id = task.Id });
        if (!started.Succeeded) Problem = ErrorText.For(started.Errors[0]);
        else (Preview, Report) = (started.Value.Preview, started.Value.Report);
        return Page();
    }

    private void Show(Result<ImportSheet.Outcome> outcome, string? token)
    {
        if (!outcome.Succeeded) { Problem = ErrorText.For(outcome.Errors[0]); return; }
        (Preview, Report, Token) = (outcome.Value.Preview, outcome.Value.Report, token);
    }
}
