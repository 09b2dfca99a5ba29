using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Http;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// An uploaded sheet kept between its preview and the confirmation, in a temporary file named by an unguessable token and
/// the uploader's id, so one user can never confirm another's upload.
/// </summary>
public static class ImportUploads
{
    private static string Directory => Path.Combine(Path.GetTempPath(), "gongjiang-import");

    /// <summary>Why an upload is refused before it is read; null when it may be previewed.</summary>
    public static string? Refusal(IFormFile? file)
    {
        if (file is null || file.Length == 0) return "请选择要导入的 CSV 或 XLSX 文件。";
        if (file.Length > TabularImport.MaxUploadBytes) return TabularImport.TooLarge;
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        return extension is ".csv" or ".xlsx" ? null : "只支持 CSV 或 XLSX 文件。";
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

    private static string PathOf(string userId, string token) =>
        Path.Combine(Directory, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16] + "-" + token);
}
