using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Application.Taxonomy;

/// <summary>How an answer of <see cref="OccupationNames"/> was found.</summary>
public enum OccupationFoundBy
{
    /// <summary>The text is the occupation's code, name or alias as it stands.</summary>
    Exact,
    /// <summary>The title normalizer read the text as an everyday title (电焊工 → 焊工).</summary>
    Understood,
    /// <summary>The occupation's code starts with the digits typed, or its name or an alias contains the text.</summary>
    Contains,
}

/// <summary>
/// One reading of what someone typed as an occupation: the occupation, how sure the reading is (0–1) and whether it is
/// coarse (a group, or too unsure to stand for a detailed occupation).
/// </summary>
public sealed record OccupationAnswer(Occupation Occupation, double Confidence, bool IsCoarse, OccupationFoundBy FoundBy)
{
    public bool IsExact => FoundBy == OccupationFoundBy.Exact;

    /// <summary>Confidence as a whole percent, as pages show it.</summary>
    public int Percent => (int)Math.Round(Confidence * 100, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The one understanding of occupation names typed anywhere (职业名称理解): the job editor, the profile editor, the
/// occupation picker, the taxonomy page, search filters and imports all read titles through it. The exact code, name or
/// alias comes first; then the title normalizer's ranked readings with their confidences; then occupations whose name
/// contains the text. Any text, empty, emoji or 500 characters long, gets an answer and never an exception.
/// </summary>
public sealed class OccupationNames(TaxonomyCatalog catalog, TitleNormalizer titles)
{
    /// <summary>A normalizer reading below this confidence is marked coarse (only a hint, to be confirmed by a person).</summary>
    public const double CoarseBelow = 0.3;

    /// <summary>A reading at or above this confidence may stand for what a seeker typed without picking (电焊工 → 焊工).</summary>
    public const double SureFrom = 0.5;

    /// <summary>Titles are read up to this length; the rest is ignored.</summary>
    public const int MaxReadLength = 200;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaxonomyCatalog, OccupationNames> Shared = new();

    /// <summary>The understanding of a catalog, shared by every caller (for code that has the catalog but no services).</summary>
    public static OccupationNames For(TaxonomyCatalog catalog) =>
        Shared.GetValue(catalog, c => new OccupationNames(c, TitleNormalizer.For(c)));

    /// <summary>
    /// Up to <paramref name="limit"/> readings of the text, best first; at least one. Empty or unreadable text gets the
    /// normalizer's coarse, low-confidence answer (不便分类的其他从业人员).
    /// </summary>
    public IReadOnlyList<OccupationAnswer> Find(string? text, int limit)
    {
        limit = Math.Max(1, limit);
        text = Clip(text);
        var answers = new List<OccupationAnswer>(limit);
        void Add(Occupation? o, double confidence, bool coarse, OccupationFoundBy by)
        {
            if (o is null || answers.Count >= limit || answers.Exists(a => a.Occupation.Code == o.Code)) return;
            answers.Add(new OccupationAnswer(o, confidence, coarse || o.Level < 4, by));
        }

        if (Exact(text) is { } exact) Add(exact, 1, false, OccupationFoundBy.Exact);
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            foreach (var o in OccupationSearch.Find(catalog, text, limit)) Add(o, 1, false, OccupationFoundBy.Contains);
            if (answers.Count > 0) return answers;
        }
        foreach (var m in titles.Suggest(text, limit))
            Add(catalog.FindOccupation(m.Code), Math.Clamp(m.Score, 0, 1), m.IsCoarse || m.Score < CoarseBelow, OccupationFoundBy.Understood);
        if (text.Length > 0 && !char.IsAsciiDigit(text[0]))
            foreach (var o in OccupationSearch.Find(catalog, text, limit)) Add(o, 0, true, OccupationFoundBy.Contains);
        return answers;
    }

    /// <summary>The best reading of the text (see <see cref="Find"/>).</summary>
    public OccupationAnswer Best(string? text) => Find(text, 1)[0];

    /// <summary>The occupation whose code, name or alias the text is, as it stands (after trimming); otherwise null.</summary>
    public Occupation? Exact(string? text)
    {
        text = Clip(text);
        if (text.Length == 0) return null;
        return catalog.FindOccupation(text)
            ?? OccupationSearch.Find(catalog, text, 3).FirstOrDefault(o => o.Name == text || o.PlainName == text || o.Aliases.Contains(text));
    }

    /// <summary>
    /// The code a typed occupation stands for when a person typed it rather than picked it: the exact code, name or alias,
    /// else a sure reading of a detailed occupation (电焊工 → 焊工's code); anything else comes back as typed (and fails
    /// validation as an unknown occupation).
    /// </summary>
    public string CodeOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return trimmed;
        if (Exact(trimmed) is { } exact) return exact.Code;
        if (char.IsAsciiDigit(trimmed[0])) return trimmed;
        var best = Best(trimmed);
        return best is { IsCoarse: false, Confidence: >= SureFrom } ? best.Occupation.Code : trimmed;
    }

    private static string Clip(string? text)
    {
        text = text?.Trim() ?? "";
        return text.Length > MaxReadLength ? text[..MaxReadLength] : text;
    }
}
