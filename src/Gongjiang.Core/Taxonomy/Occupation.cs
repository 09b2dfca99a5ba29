namespace Gongjiang.Core.Taxonomy;

/// <summary>One node of the 2022 national occupational classification (职业分类大典), levels 1–4.</summary>
public sealed record Occupation(
    string Code,          // x-xx-xx-xx; coarser levels end in 00
    int Level,            // 1 大类, 2 中类, 3 小类, 4 细类(职业)
    string Name,
    string Definition,
    string Tasks,
    IReadOnlyList<string> Aliases,
    bool IsGreen,
    bool IsDigital)
{
    public string? ParentCode => OccupationCode.Parent(Code);

    /// <summary>
    /// The name without the 大典's marks glued to its end (L 绿色职业, S 数字职业, L/S both), which <see cref="IsGreen"/> and
    /// <see cref="IsDigital"/> carry: what a page shows before the marks' labelled tags.
    /// </summary>
    public string PlainName => StripMarks(Name);

    /// <summary>A green occupation (绿色职业): flagged so, or marked L in its name (the two sources do not always agree).</summary>
    public bool ShowsGreen => IsGreen || MarkOf(Name).Contains('L', StringComparison.Ordinal);

    /// <summary>A digital occupation (数字职业): flagged so, or marked S in its name.</summary>
    public bool ShowsDigital => IsDigital || MarkOf(Name).Contains('S', StringComparison.Ordinal);

    public static string StripMarks(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name[..^MarkOf(name).Length].TrimEnd();
    }

    /// <summary>The mark glued to the end of a name: "L/S", "L", "S" or "" (an all-Latin name such as PLC has none).</summary>
    private static string MarkOf(string name)
    {
        foreach (var mark in (string[])["L/S", "L", "S"])
            if (name.Length > mark.Length && name.EndsWith(mark, StringComparison.Ordinal) && !char.IsAsciiLetter(name[^(mark.Length + 1)]))
                return mark;
        return "";
    }
}

/// <summary>Helpers over x-xx-xx-xx codes.</summary>
public static class OccupationCode
{
    public static bool IsWellFormed(string? code) =>
        code is { Length: 10 } && char.IsAsciiDigit(code[0]) && code[1] == '-' && char.IsAsciiDigit(code[2]) && char.IsAsciiDigit(code[3])
        && code[4] == '-' && char.IsAsciiDigit(code[5]) && char.IsAsciiDigit(code[6]) && code[7] == '-' && char.IsAsciiDigit(code[8]) && char.IsAsciiDigit(code[9]);

    /// <summary>Major group 大类 "6", middle group 中类 "6-18", minor group 小类 "6-18-02".</summary>
    public static string Major(string code) => code[..1];
    public static string Middle(string code) => code[..4];
    public static string Minor(string code) => code[..7];

    public static int LevelOf(string code) =>
        code.EndsWith("-00-00-00", StringComparison.Ordinal) ? 1 :
        code.EndsWith("-00-00", StringComparison.Ordinal) ? 2 :
        code.EndsWith("-00", StringComparison.Ordinal) ? 3 : 4;

    public static string? Parent(string code) => LevelOf(code) switch
    {
        4 => code[..7] + "-00",
        3 => code[..4] + "-00-00",
        2 => code[..1] + "-00-00-00",
        _ => null,
    };

    /// <summary>How many leading levels two codes share: 0 none … 4 identical.</summary>
    public static int SharedLevels(string a, string b)
    {
        if (a.Length != 10 || b.Length != 10 || a[0] != b[0]) return 0;
        if (a.AsSpan(0, 4).SequenceEqual(b.AsSpan(0, 4)) is false) return 1;
        if (a.AsSpan(0, 7).SequenceEqual(b.AsSpan(0, 7)) is false) return 2;
        return a == b ? 4 : 3;
    }
}
