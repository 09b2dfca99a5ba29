using System.Security.Claims;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Import;
using Gongjiang.Web.Pages.Employer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>
/// 批量导入 for the zone's operators: résumés (de-duplicated by phone or ID number) or jobs of any employer, from CSV or XLSX,
/// previewed row by row before the valid rows are imported.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
[RequestSizeLimit(32 * 1024 * 1024)]
public sealed class ImportModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = ImportSheet.Talent;
    public ImportPreview? Preview { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Token { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<string> Columns => Kind == ImportSheet.Jobs ? TabularImport.JobColumns : TabularImport.TalentColumns;

    public void OnGet() => Kind = Kind == ImportSheet.Jobs ? ImportSheet.Jobs : ImportSheet.Talent;

    /// <summary>The CSV template: the header of the columns the importer reads, to fill in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var template = await useCases.RunAsync(new GetImportTemplate.Query(Kind), ct);
        if (!template.Succeeded) return NotFound();
        return File(template.Value.Content, template.Value.ContentType, template.Value.FileName);
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        OnGet();
        var (outcome, token) = await ImportUploads.PreviewAsync(useCases, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Kind, file, ct);
        Show(outcome, token);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? token, string? fileName, CancellationToken ct)
    {
        OnGet();
        var started = await ImportUploads.ImportAsync(useCases, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Kind, token, fileName, ct);
        if (started.Succeeded && started.Value.Task is { } task) return RedirectToPage("/Operator/ImportProgress", new { id = task.Id });
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
