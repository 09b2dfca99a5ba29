using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TabularImport.MaxUploadBytes + 1024 * 1024))
            .RequireRateLimiting(RateLimits.Uploads); // posts only: reading a background import's progress is not counted
        var jobs = new[] { Roles.EmployerHR, Roles.Agency, Roles.Operator, Roles.Admin };
        var talent = new[] { Roles.Operator, Roles.Admin };
        group.MapPost("/jobs/preview", (IFormFile? file, IUseCases useCases, CancellationToken ct) => Preview(ImportSheet.Jobs, file, useCases, ct))
            .WithName("PreviewJobImport").WithSummary("Check a CSV/XLSX of jobs row by row; nothing is saved").RequireAuthorization(p => p.RequireRole(jobs));
        group.MapPost("/jobs", (IFormFile? file, IUseCases useCases, CancellationToken ct) => Import(ImportSheet.Jobs, file, useCases, ct))
            .WithName("ImportJobs").WithSummary("Import the valid rows of a CSV/XLSX of jobs: at once (200), or in the background for a large file (202 with the task)")
            .RequireAuthorization(p => p.RequireRole(jobs));
        group.MapPost("/talent/preview", (IFormFile? file, IUseCases useCases, CancellationToken ct) => Preview(ImportSheet.Talent, file, useCases, ct))
            .WithName("PreviewTalentImport").WithSummary("Check a CSV/XLSX of résumés row by row (with de-duplication); nothing is saved")
            .RequireAuthorization(p => p.RequireRole(talent));
        group.MapPost("/talent", (IFormFile? file, IUseCases useCases, CancellationToken ct) => Import(ImportSheet.Talent, file, useCases, ct))
            .WithName("ImportTalent").WithSummary("Import the valid rows of a CSV/XLSX of résumés: at once (200), or in the background for a large file (202 with the task)")
            .RequireAuthorization(p => p.RequireRole(talent));
        group.MapGet("/tasks/{id}", async (string id, IUseCases useCases, CancellationToken ct) =>
                (await useCases.RunAsync(new GetImportProgress.Query(id), ct)).ToHttp(ImportTaskView.Of))
            .WithName("GetImportTask").WithSummary("The progress of a background import: state, rows done of the total, the rows not imported (its uploader or an operator)")
            .RequireAuthorization(p => p.RequireRole(jobs));
        group.MapPost("/tasks/{id}/cancel", async (string id, IUseCases useCases, CancellationToken ct) =>
                (await useCases.RunAsync(new CancelImport.Command(id), ct)).ToHttp(ImportTaskView.Of))
            .WithName("CancelImportTask").WithSummary("Cancel a background import: it stops after the batch being committed (its uploader or an operator)")
            .RequireAuthorization(p => p.RequireRole(jobs));
        return v1;
    }

    public sealed record PreviewRowView(int Line, string Id, string Summary, string? Error, string? Note);
    /// <param name="Preview">The first 100 rows and the first 200 rows with an error (<c>truncated</c> when that is not every row).</param>
    public sealed record ImportResultView(string Kind, string File, int Rows, int Valid, int Invalid, IReadOnlyList<PreviewRowView> Preview,
        int? Inserted, int? Updated, IReadOnlyList<string>? Problems, bool Truncated = false)
    {
        public static ImportResultView Of(ImportSheet.Outcome outcome) => Of(outcome.Preview, outcome.Report);

        public static ImportResultView Of(ImportPreview preview, ImportReport? report)
        {
            return new(preview.Kind, preview.File, preview.Total, preview.Valid, preview.Invalid,
                preview.Rows.Select(r => new PreviewRowView(r.Line, r.Id, r.Summary, r.Error is null ? null : $"line {r.Line}: {r.Error}", r.Note)).ToList(),
                report?.Inserted, report?.Updated, report?.Problems.Select(p => p.ToString()).ToList(), preview.Truncated);
        }
    }

    /// <summary>A background import as its uploader follows it; <c>errors</c> are the first 1,000 rows not imported (<c>skipped</c> counts them all).</summary>
    public sealed record ImportTaskView(string Id, string Kind, string File, string State, int RowsTotal, int RowsDone, int Percent, int Inserted, int Updated,
        int Skipped, IReadOnlyList<string> Errors, bool CancelRequested, bool Finished, string? Failure, DateTime CreatedAt, DateTime? FinishedAt)
    {
        public static ImportTaskView Of(ImportProgress p) => new(p.Id, p.Kind, p.File, p.State.ToString().ToLowerInvariant(), p.RowsTotal, p.RowsDone, p.Percent,
            p.Inserted, p.Updated, p.Skipped, p.Errors, p.CancelRequested, p.IsFinished, p.Failure, p.CreatedAt, p.FinishedAt);
    }

    /// <summary>A file over 10 MB answers 413 before it is read (the request's size, not a rule of the import).</summary>
    private static ProblemHttpResult? TooLarge(IFormFile? file) => file is { Length: > TabularImport.MaxUploadBytes }
        ? TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / File too large",
            detail: ErrorText.For(Error.Invalid("file", ImportErrors.TooLarge)))
        : null;

    private static async Task<Results<Ok<ImportResultView>, ProblemHttpResult>> Preview(string kind, IFormFile? file, IUseCases useCases, CancellationToken ct)
    {
        if (TooLarge(file) is { } tooLarge) return tooLarge;
        await using var stream = file is { Length: > 0 } ? file.OpenReadStream() : null;
        return (await useCases.RunAsync(new ImportSheet.Command(kind, stream, file?.FileName, Commit: false), ct)).ToHttp(ImportResultView.Of);
    }

    private static async Task<Results<Ok<ImportResultView>, Accepted<ImportTaskView>, ProblemHttpResult>> Import(string kind, IFormFile? file, IUseCases useCases,
        CancellationToken ct)
    {
        if (TooLarge(file) is { } tooLarge) return tooLarge;
        await using var stream = file is { Length: > 0 } ? file.OpenReadStream() : null;
        var result = await useCases.RunAsync(new StartImport.Command(kind, stream, file?.FileName), ct);
        if (!result.Succeeded) return ResultHttp.Problem(result.Errors);
        if (result.Value.Task is { } task) return TypedResults.Accepted($"/api/v1/import/tasks/{task.Id}", ImportTaskView.Of(task));
        return TypedResults.Ok(ImportResultView.Of(result.Value.Preview, result.Value.Report));
    }
}
