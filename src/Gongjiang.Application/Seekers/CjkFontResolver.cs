using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace Gongjiang.Application.Seekers;

/// <summary>
/// Gives PDFsharp one CJK font for every face asked: WenQuanYi Micro Hei (the machine's <c>fonts-wqy-microhei</c>), or
/// the file in <c>GONGJIANG_PDF_FONT</c>. PDFsharp reads single TrueType fonts only, so the first font of a TrueType
/// collection (.ttc) is taken out of it as a font of its own.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string FaceName = "GongjiangCjk";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    ];

    private static readonly Lazy<byte[]?> Font = new(Load);
    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>Whether a CJK font was found.</summary>
    public static bool Available => Font.Value is not null;

    /// <summary>Makes PDFsharp use this resolver (once per process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            GlobalFontSettings.FontResolver = new CjkFontResolver();
            installed = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName);

    public byte[]? GetFont(string faceName) => Font.Value;

    private static byte[]? Load()
    {
        var configured = Environment.GetEnvironmentVariable("GONGJIANG_PDF_FONT");
        foreach (var path in (configured is { Length: > 0 } ? [configured] : Array.Empty<string>()).Concat(Candidates))
            if (File.Exists(path)) return FirstFont(File.ReadAllBytes(path));
        return null;
    }

    /// <summary>A .ttf as is; from a .ttc its first font, with its tables copied behind a table directory of their new places.</summary>
    public static byte[] FirstFont(byte[] file)
    {
        if (!file.AsSpan().StartsWith("ttcf"u8)) return file;
        var start = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(start + 4));
        var headerLength = 12 + 16 * tables;
        var records = Enumerable.Range(0, tables).Select(i => start + 12 + 16 * i)
            .Select(r => (Record: r, Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 8)),
                Length: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 12)))).ToList();
        var size = headerLength + records.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        file.AsSpan(start, 12).CopyTo(font);
        var at = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (record, offset, length) = records[i];
            file.AsSpan(record, 16).CopyTo(font.AsSpan(12 + 16 * i));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * i + 8), (uint)at);
            file.AsSpan(offset, length).CopyTo(font.AsSpan(at));
            at += (length + 3) & ~3;
        }
        return font;
    }
}
