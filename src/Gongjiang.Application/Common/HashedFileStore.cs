using System.Security.Cryptography;

namespace Gongjiang.Application.Common;

/// <summary>
/// Uploaded files kept outside the database rows, under the data folder: one file per content, named by its SHA-256
/// (written to a temporary name, then moved, so a crash leaves no half file under the name). Licence images and
/// attachment résumés are kept here, each kind in its own directory.
/// </summary>
public static class HashedFileStore
{
    /// <summary>The folder uploads are kept under: <c>$GONGJIANG_DATA</c>, else <c>data</c> in the working folder.</summary>
    public static string DataDirectory => Environment.GetEnvironmentVariable("GONGJIANG_DATA") ?? Path.Combine(Environment.CurrentDirectory, "data");

    /// <summary>The whole stream, or null as soon as it is longer than <paramref name="maxBytes"/> (the rest is not read).</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream file, long maxBytes, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Keeps the bytes in <paramref name="directory"/> once per content; answers their hash (lower-case hex).</summary>
    public static async Task<string> SaveAsync(string directory, byte[] bytes, CancellationToken ct = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, hash);
        if (!File.Exists(path))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }
        return hash;
    }

    /// <summary>The stored file of a hash, or null when the hash is not one or there is no such file.</summary>
    public static FileStream? Open(string directory, string? hash)
    {
        if (hash is not { Length: 64 } || !hash.All(char.IsAsciiHexDigitLower)) return null;
        var path = Path.Combine(directory, hash);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
