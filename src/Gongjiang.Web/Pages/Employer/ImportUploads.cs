using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Import;
using Gongjiang.Application.Common.UseCases;
using Microsoft.AspNetCore.Http;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// An uploaded sheet kept between its preview and the confirmation, in a temporary file named by an unguessable token and
/// the uploader's id, so one user can never confirm another's upload.
/// </summary>
public static class ImportUploads
{
    private static string Directory => Path.Combine(Path.GetTempPath(), "gongjiang-import");

    /// <summary>Why an upload is refused before it is kept (none, over 10 MB, not CSV or XLSX); null when it may be previewed.</summary>
    public static Error? Refusal(IFormFile? file)
    {
        if (file is null || file.Length == 0) return Error.Invalid("file", ImportErrors.FileRequired);
        if (file.Length > TabularImport.MaxUploadBytes) return Error.Invalid("file", ImportErrors.TooLarge);
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        return extension is ".csv" or ".xlsx" ? null : Error.Invalid("file", ImportErrors.UnsupportedFile);
    }

    public static async Task<string> KeepAsync(IFormFile file, string userId, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var token = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
        await using var target = File.Create(PathOf(userId, token));
        await file.CopyToAsync(target, ct);
        return token;
    }

    /// <summary>The kept upload, or null when the token is not this user's (or is malformed or gone).</summary>
    public static Stream? Open(string userId, string? token)
    {
        if (token is null || token.Length is < 36 or > 40 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c == '.')) return null;
        var path = PathOf(userId, token);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public static void Forget(string userId, string? token)
    {
        if (token is not null && Open(userId, token) is { } s) { s.Dispose(); File.Delete(PathOf(userId, token)); }
    }

    /// <summary>Keeps an upload and previews it through the import use case; the token names the kept file for the confirmation.</summary>
    public static async Task<(Result<ImportSheet.Outcome> Outcome, string? Token)> PreviewAsync(IUseCases useCases, string userId, string kind,
        IFormFile? file, CancellationToken ct)
    {
        if (Refusal(file) is { } refusal) return (refusal, null);
        var token = await KeepAsync(file!, userId, ct);
        Result<ImportSheet.Outcome> outcome;
        await using (var stream = Open(userId, token)!)
            outcome = await useCases.RunAsync(new ImportSheet.Command(kind, stream, file!.FileName, Commit: false), ct);
        if (outcome.Succeeded) return (outcome, token);
        Forget(userId, token);
        return (outcome, null);
    }

    /// <summary>
    /// Imports the valid rows of this user's kept upload (checked again as it is read): at once, or for a large file as a
    /// background import (the result's task); then forgets the upload.
    /// </summary>
    public static async Task<Result<StartImport.Started>> ImportAsync(IUseCases useCases, string userId, string kind, string? token, string? fileName,
        CancellationToken ct)
    {
        Result<StartImport.Started> outcome;
        await using (var stream = Open(userId, token))
        {
            if (stream is null) return Error.Invalid("file", ImportErrors.UploadExpired);
            outcome = await useCases.RunAsync(new StartImport.Command(kind, stream, Path.GetFileName(fileName ?? kind + Path.GetExtension(token))), ct);
        }
        Forget(userId, token);
        return outcome;
    }

    private static string PathOf(string userId, string token) =>
        Path.Combine(Directory, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16] + "-" + token);
}
