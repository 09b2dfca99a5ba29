using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>
/// Bulk import from CSV or XLSX (multipart field "file", at most 10 MB): a preview that checks every row and saves nothing, and
/// the import of the valid rows. Employers import their own jobs; operators import jobs of any employer and résumés
/// (de-duplicated by phone or ID number).
/// </summary>
public static class ImportApi
{
    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder v1)
    {
        // The file may be up to 10 MB (larger ones get the import's own 413 naming the limit); the form around it needs a little more.
        var group = v1.MapGroup("/import").WithTags("Import")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TabularImport.MaxUploadBytes + 1024 * 1024));
        var jobs = new[] { Roles.EmployerHR, Roles.Agency, Roles.Operator, Roles.Admin };
        var talent = new[] { Roles.Operator, Roles.Admin };
        group.MapPost("/jobs/preview", (IFormFile? file, TabularImport tabular, HttpContext http, UserManager<AppUser> users, CancellationToken ct) =>
                Run("jobs", file, false, tabular, http, users, ct))
            .WithName("PreviewJobImport").WithSummary("Check a CSV/XLSX of jobs row by row; nothing is saved").RequireAuthorization(p => p.RequireRole(jobs));
        group.MapPost("/jobs", (IFormFile? file, TabularImport tabular, HttpContext http, UserManager<AppUser> users, CancellationToken ct) =>
                Run("jobs", file, true, tabular, http, users, ct))
            .WithName("ImportJobs").WithSummary("Import the valid rows of a CSV/XLSX of jobs").RequireAuthorization(p => p.RequireRole(jobs));
        group.MapPost("/talent/preview", (IFormFile? file, TabularImport tabular, HttpContext http, UserManager<AppUser> users, CancellationToken ct) =>
                Run("talent", file, false, tabular, http, users, ct))
            .WithName("PreviewTalentImport").WithSummary("Check a CSV/XLSX of résumés row by row (with de-duplication); nothing is saved")
            .RequireAuthorization(p => p.RequireRole(talent));
        group.MapPost("/talent", (IFormFile? file, TabularImport tabular, HttpContext http, UserManager<AppUser> users, CancellationToken ct) =>
                Run("talent", file, true, tabular, http, users, ct))
            .WithName("ImportTalent").WithSummary("Import the valid rows of a CSV/XLSX of résumés").RequireAuthorization(p => p.RequireRole(talent));
        return v1;
    }

    public sealed record PreviewRowView(int Line, string Id, string Summary, string? Error, string? Note);
    public sealed record ImportResultView(string Kind, string File, int Rows, int Valid, int Invalid, IReadOnlyList<PreviewRowView> Preview,
        int? Inserted, int? Updated, IReadOnlyList<string>? Problems);

    private static async Task<Results<Ok<ImportResultView>, ProblemHttpResult>> Run(string kind, IFormFile? file, bool commit, TabularImport tabular,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Forbidden");
        if (file is null || file.Length == 0) return Bad("file is required (multipart field 'file', CSV or XLSX)");
        if (file.Length > TabularImport.MaxUploadBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / File too large", detail: TabularImport.TooLarge);
        var ownEmployer = user.IsOperator ? null : user.EmployerId;
        if (kind == "jobs" && !user.IsOperator && ownEmployer is null) return TypedResults.Problem(statusCode: 403, title: "No employer");
        await using var stream = file.OpenReadStream();
        var preview = kind == "jobs"
            ? await tabular.PreviewJobsAsync(stream, Path.GetFileName(file.FileName), ownEmployer, ct)
            : await tabular.PreviewTalentAsync(stream, Path.GetFileName(file.FileName), ct);
        if (preview.FileError is not null) return Bad(preview.FileError);
        var report = commit ? await tabular.ImportAsync(preview, ct) : null;
        return TypedResults.Ok(new ImportResultView(kind, preview.File, preview.Rows.Count, preview.Valid, preview.Invalid,
            preview.Rows.Select(r => new PreviewRowView(r.Line, r.Id, r.Summary, r.Error is null ? null : $"line {r.Line}: {r.Error}", r.Note)).ToList(),
            report?.Inserted, report?.Updated, report?.Problems.Select(p => p.ToString()).ToList()));
    }

    private static ProblemHttpResult Bad(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: detail);
}
