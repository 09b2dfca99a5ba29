using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Application.Search;

/// <summary>What one word of a search box was read as.</summary>
public enum WordKind { Text, City, Occupation, Benefit, Experience }

/// <param name="Text">The word as typed (trimmed, lower-cased for Latin letters).</param>
/// <param name="Code">A region code (City), an occupation code (Occupation) or a benefit tag (Benefit).</param>
/// <param name="Years">The years of experience of an Experience word (3年, 3年以上).</param>
public sealed record SearchWord(string Text, WordKind Kind, string? Code = null, int? Years = null);

/// <summary>
/// Reads a search box as people type it ("焊工 青岛", "电焊工 包吃住", "数控 车工 3年"): each word, split on spaces, is a
/// region (青岛, 山东省), a years-of-experience word (3年), a benefit (包吃住, 五险一金), an occupation by its code, name,
/// alias or everyday title (电焊工 → 焊工, through <see cref="Taxonomy.OccupationNames"/>, the one reading of typed occupations the editors, the picker and import use),
/// or else free text. Searches combine the words with AND.
/// </summary>
public sealed partial class SearchWords(TaxonomyCatalog catalog, Taxonomy.OccupationNames names)
{
    public const int MaxWords = 8;
    public const int MaxLength = 100;

    /// <summary>The normalizer's confidence from which an everyday title is read as an occupation.</summary>
    public const double OccupationConfidence = Taxonomy.OccupationNames.SureFrom;

    private readonly Lazy<FrozenDictionary<string, Region>> _regions = new(() => RegionsByName(catalog));

    public IReadOnlyList<SearchWord> Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Length > MaxLength) text = text[..MaxLength];
        return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(MaxWords).Select(ReadWord).ToList();
    }

    private SearchWord ReadWord(string word)
    {
        if (ExperienceWord().Match(word) is { Success: true } years)
            return new SearchWord(word, WordKind.Experience, Years: int.Parse(years.Groups[1].Value, CultureInfo.InvariantCulture));
        if (word.Length >= 2 && _regions.Value.TryGetValue(word, out var region)) return new SearchWord(word, WordKind.City, region.Code);
        if (BenefitTags.Find(word) is { } tag) return new SearchWord(word, WordKind.Benefit, tag);
        if (Occupation(word, everyday: LooksLikeTitle(word)) is { } code) return new SearchWord(word, WordKind.Occupation, code);
        return new SearchWord(word, WordKind.Text);
    }

    /// <summary>
    /// An occupation as typed into a filter or a search box: its code, its name, an alias, or (when <paramref name="everyday"/>)
    /// an everyday title the normalizer reads with confidence. Null when none of these.
    /// </summary>
    public string? Occupation(string? typed, bool everyday = true)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (catalog.FindOccupation(text) is { } byCode) return byCode.Code;
        if (char.IsAsciiDigit(text[0]))
        {
            // A group code written short (6-18): its 00-padded form.
            var parts = text.Split('-');
            if (parts.Length is >= 1 and < 4 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
            {
                var padded = string.Join('-', parts.Concat(Enumerable.Repeat("00", 4 - parts.Length)));
                if (catalog.FindOccupation(padded) is { } group) return group.Code;
            }
            return null;
        }
        if (names.Exact(text) is { } named) return named.Code;
        if (!everyday) return null;
        // The same reading of everyday titles as the job and profile editors: a sure reading of a detailed occupation.
        var best = names.Best(text);
        return best is { IsCoarse: false } && best.Confidence >= OccupationConfidence ? best.Occupation.Code : null;
    }

    /// <summary>
    /// A word of a search box is read as an everyday title only when it names a person at work (电焊工, 质检员, 钳工师傅):
    /// a subject word (焊接, 电气维护) stays text, so it is found where it is said.
    /// </summary>
    private static bool LooksLikeTitle(string word) => word.Length >= 2 && TitleEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal));

    private static readonly string[] TitleEndings = ["工", "员", "师", "师傅", "手", "匠", "长", "技工", "学徒"];

    /// <summary>The prefix of the codes an occupation code covers: 6-18-00-00 → "6-18-", 6-18-02-04 → itself.</summary>
    public static string OccupationPrefix(string code)
    {
        var c = code;
        while (c.EndsWith("-00", StringComparison.Ordinal)) c = c[..^3];
        return c.Count(ch => ch == '-') >= 3 ? c : c + "-";
    }

    /// <summary>The prefix of the region codes a region covers: 370000 → "37", 370200 → "3702", 370211 → itself.</summary>
    public static string RegionPrefix(string code)
    {
        var prefix = code.Trim();
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal)) prefix = prefix[..^2];
        return prefix;
    }

    private static FrozenDictionary<string, Region> RegionsByName(TaxonomyCatalog catalog)
    {
        var byName = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var region in catalog.Regions.OrderBy(r => r.Depth).ThenBy(r => r.Code, StringComparer.Ordinal))
        {
            foreach (var name in new[] { region.Name, region.ShortName })
                if (name is { Length: >= 2 }) byName.TryAdd(name, region);
        }
        return byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(\d{1,2})年(以上|经验|以上经验)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExperienceWord();
}
