using System.IO.Compression;
using Gongjiang.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>Where attachment résumés are kept (a <see cref="HashedFileStore"/> directory under the data folder).</summary>
public sealed class ResumeFileOptions
{
    public string Directory { get; set; } = Path.Combine(HashedFileStore.DataDirectory, "resumes");
}

/// <summary>
/// What an attachment résumé may be: a PDF (starts with <c>%PDF-</c>) or a DOCX (a zip holding <c>word/document.xml</c>),
/// judged by content; the file's extension has to say the same.
/// </summary>
public static class ResumeFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxPerSeeker = 5;
    public const int MaxFileName = 120;
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The content type the bytes are, or null when they are neither a PDF nor a DOCX.</summary>
    public static string? Detect(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("%PDF-"u8)) return Pdf;
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null ? Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Extension(string contentType) => contentType == Pdf ? ".pdf" : ".docx";

    /// <summary>The kind's name in messages.</summary>
    public static string KindName(string contentType) => contentType == Pdf ? "PDF" : "DOCX";

    /// <summary>Erases the stored files of these hashes that no attachment row names any more (an erased seeker's, a deleted attachment's).</summary>
    public static async Task DeleteUnusedAsync(Persistence.AppDbContext db, ResumeFileOptions options, IReadOnlyCollection<string> hashes, CancellationToken ct = default)
    {
        if (hashes.Count == 0) return;
        var used = (await db.ResumeAttachments.Where(a => hashes.Contains(a.FileHash)).Select(a => a.FileHash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var hash in hashes.Where(h => !used.Contains(h)).Distinct())
        {
            var path = Path.Combine(options.Directory, hash);
            if (hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) && File.Exists(path)) File.Delete(path);
        }
    }

    /// <summary>The name to keep: without folders or control characters, clipped, ending in the content's extension.</summary>
    public static string SafeName(string? fileName, string contentType)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        var extension = Extension(contentType);
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0) stem = "简历";
        if (stem.Length > MaxFileName - extension.Length) stem = stem[..(MaxFileName - extension.Length)];
        return stem + extension;
    }
}
