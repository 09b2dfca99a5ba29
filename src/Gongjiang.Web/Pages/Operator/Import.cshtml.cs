using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Gongjiang.Web.Pages.Employer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>
/// 批量导入 for the zone's operators: résumés (de-duplicated by phone or ID number) or jobs of any employer, from CSV or XLSX,
/// previewed row by row before the valid rows are imported.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
[RequestSizeLimit(32 * 1024 * 1024)]
public sealed class ImportModel(UserManager<AppUser> users, TabularImport tabular) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "talent";
    public ImportPreview? Preview { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Token { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<string> Columns => Kind == "jobs" ? TabularImport.JobColumns : TabularImport.TalentColumns;

    public void OnGet() => Kind = Kind == "jobs" ? "jobs" : "talent";

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        OnGet();
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        if (ImportUploads.Refusal(file) is { } refusal) { Problem = refusal; return Page(); }
        Token = await ImportUploads.KeepAsync(file!, user.Id, ct);
        await using var stream = ImportUploads.Open(user.Id, Token)!;
        Preview = await PreviewAsync(stream, file!.FileName, ct);
        Problem = Preview.FileError;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? token, string? fileName, CancellationToken ct)
    {
        OnGet();
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        ImportPreview preview;
        await using (var stream = ImportUploads.Open(user.Id, token))
        {
            if (stream is null) { Problem = "上传的文件已失效，请重新上传。"; return Page(); }
            preview = await PreviewAsync(stream, Path.GetFileName(fileName ?? Kind + Path.GetExtension(token)), ct);
        }
        Report = await tabular.ImportAsync(preview, ct);
        Preview = preview;
        ImportUploads.Forget(user.Id, token);
        return Page();
    }

    private Task<ImportPreview> PreviewAsync(Stream stream, string fileName, CancellationToken ct) => Kind == "jobs"
        ? tabular.PreviewJobsAsync(stream, fileName, null, ct)
        : tabular.PreviewTalentAsync(stream, fileName, ct);
}
