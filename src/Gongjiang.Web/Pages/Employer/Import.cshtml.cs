using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// 批量导入岗位: an employer uploads its own jobs as CSV or XLSX, sees every row checked (with `line N: reason` for the bad ones),
/// then confirms to import the valid rows. Every job becomes the employer's own.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
[RequestSizeLimit(32 * 1024 * 1024)]
public sealed class ImportModel(UserManager<AppUser> users, TabularImport tabular) : PageModel
{
    public ImportPreview? Preview { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Token { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { EmployerId: { } employerId } user) return NotFound();
        if (ImportUploads.Refusal(file) is { } refusal) { Problem = refusal; return Page(); }
        Token = await ImportUploads.KeepAsync(file!, user.Id, ct);
        await using var stream = ImportUploads.Open(user.Id, Token)!;
        Preview = await tabular.PreviewJobsAsync(stream, file!.FileName, employerId, ct);
        Problem = Preview.FileError;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? token, string? fileName, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { EmployerId: { } employerId } user) return NotFound();
        ImportPreview preview;
        await using (var stream = ImportUploads.Open(user.Id, token))
        {
            if (stream is null) { Problem = "上传的文件已失效，请重新上传。"; return Page(); }
            preview = await tabular.PreviewJobsAsync(stream, Path.GetFileName(fileName ?? "jobs" + Path.GetExtension(token)), employerId, ct);
        }
        Report = await tabular.ImportAsync(preview, ct);
        Preview = preview;
        ImportUploads.Forget(user.Id, token);
        return Page();
    }
}
