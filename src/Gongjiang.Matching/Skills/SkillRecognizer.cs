using System.Collections.Frozen;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Matching.Skills;

/// <summary>
/// A written skill recognised as a standard skill item (技能项) of a national vocational skill standard, or, when the
/// standard has none for it, as the skill's common name. <see cref="ItemId"/> is <c>occupation code/item name</c>
/// (<c>common/name</c> for a common name, whose <see cref="OccupationCode"/> is empty); <see cref="Confidence"/> is 0…1.
/// </summary>
public sealed record RecognizedSkill(string Written, string ItemId, string ItemName, string OccupationCode, double Confidence);

/// <summary>
/// Maps skills as people write them ("CNC编程", "二保焊", "电工证") to the standard skill items of an occupation and
/// grade ("数控机床操作与调整", …), so a posting's written skill and a candidate's standard item can be counted as the same
/// skill. Forms come from <see cref="SkillSynonyms"/>, <see cref="SkillLexicon"/> and the recruiting titles of the
/// occupation; each form is compared with the item names (same name, one containing the other, shared character pairs).
/// Built once from a <see cref="TaxonomyCatalog"/>; immutable and thread-safe afterwards; never throws on any text.
/// </summary>
public sealed class SkillRecognizer
{
    /// <summary>Below this confidence a written skill is left as written.</summary>
    public const double MinimumConfidence = 0.45;

    // A written skill longer than this is a sentence, not a skill: it is read up to this length.
    private const int MaxSkillLength = 40;
    private const double SynonymFactor = 0.95, TitleFactor = 0.7, OtherGradeFactor = 0.95, NoOccupationFactor = 0.6;

    private readonly TaxonomyCatalog _catalog;
    private readonly FrozenDictionary<string, string[]> _formsOf;            // folded form → all forms of its skill
    private readonly FrozenDictionary<string, string> _commonNameOf;         // folded form → its skill's common name
    private readonly FrozenDictionary<string, string[]> _titleTermsByCode;   // occupation → its recruiting titles
    private readonly string[] _allItems;                                       // distinct specific item names
    private readonly FrozenDictionary<string, string> _occupationOfItem;      // item name → first occupation with it

    public SkillRecognizer(TaxonomyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;

        // Lines sharing a form are one skill (union–find over forms).
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var commonName = new Dictionary<string, string>(StringComparer.Ordinal); // root → the first line's first form
        string Root(string f)
        {
            while (parent[f] != f) f = parent[f] = parent[parent[f]];
            return f;
        }
        void Line(string[] forms)
        {
            var folded = forms.Select(Fold).Where(f => f.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
            if (folded.Count == 0) return;
            foreach (var f in folded) parent.TryAdd(f, f);
            for (var i = 1; i < folded.Count; i++)
            {
                var (a, b) = (Root(folded[0]), Root(folded[i]));
                if (a == b) continue;
                // A group named by an earlier line keeps its name.
                if (commonName.ContainsKey(b) && !commonName.ContainsKey(a)) (a, b) = (b, a);
                parent[b] = a;
            }
            commonName.TryAdd(Root(folded[0]), forms[0].Trim());
        }
        foreach (var line in SkillSynonyms.Lines) Line(line.Split('|'));
        foreach (var line in SkillLexicon.Skills) Line(line.Split('|'));
        foreach (var (names, _) in SkillLexicon.Certificates) Line(names.Split('|'));
        _formsOf = parent.Keys.GroupBy(Root, StringComparer.Ordinal)
            .SelectMany(g => g.Select(f => (Form: f, All: g.ToArray())))
            .ToFrozenDictionary(p => p.Form, p => p.All, StringComparer.Ordinal);
        _commonNameOf = parent.Keys.ToFrozenDictionary(f => f, f => commonName.GetValueOrDefault(Root(f), f), StringComparer.Ordinal);

        _titleTermsByCode = RecruitingTitleLexicon.Entries.Where(e => !e.IsModifier)
            .GroupBy(e => e.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => Fold(e.Term.TrimEnd('*'))).Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        var specific = catalog.SkillItems.Where(i => SkillExtractor.IsSpecificItem(i.Name.Trim())).ToList();
        _allItems = specific.Select(i => i.Name.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        _occupationOfItem = specific.GroupBy(i => i.Name.Trim(), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().OccupationCode, StringComparer.Ordinal);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaxonomyCatalog, Lazy<SkillRecognizer>> Shared = new();

    /// <summary>One recogniser per catalog, built on first use and shared afterwards.</summary>
    public static SkillRecognizer For(TaxonomyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Shared.GetValue(catalog, c => new Lazy<SkillRecognizer>(() => new SkillRecognizer(c))).Value;
    }

    /// <summary>
    /// The written skills of a text ("CNC编程、二保焊；电工证"), each with the standard item of the occupation and grade it
    /// stands for, in text order; written skills recognised as no item are left out. Without an occupation every
    /// standard is searched, at lower confidence. Empty, emoji-only or overlong text gives an empty list.
    /// </summary>
    public IReadOnlyList<RecognizedSkill> Recognize(string? text, string? occupationCode, int? grade)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var results = new List<RecognizedSkill>();
        foreach (var written in Split(text))
            if (Best(written, occupationCode, grade) is { } hit && !results.Any(r => r.ItemId == hit.ItemId && r.Written == hit.Written))
                results.Add(hit);
        return results;
    }

    /// <summary>The prefix of <see cref="RecognizedSkill.ItemId"/> for a skill known by its common name rather than a standard's item.</summary>
    public const string CommonNamePrefix = "common/";

    private const int MaxCached = 100_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?, int?), RecognizedSkill?> _cache = new();

    /// <summary>The standard item one written skill stands for, or null when none is close enough.</summary>
    public RecognizedSkill? Best(string? written, string? occupationCode, int? grade)
    {
        if (string.IsNullOrWhiteSpace(written)) return null;
        var key = (written.Trim(), occupationCode, grade);
        if (_cache.TryGetValue(key, out var known)) return known;
        var found = Find(key.Item1, occupationCode, grade);
        if (_cache.Count < MaxCached) _cache.TryAdd(key, found);
        return found;
    }

    private RecognizedSkill? Find(string text, string? occupationCode, int? grade)
    {
        if (text.Length > MaxSkillLength) text = text[..MaxSkillLength];
        var folded = Fold(text);
        if (!folded.Any(c => TitleText.IsCjk(c) || char.IsAsciiLetterOrDigit(c))) return null;

        // Candidate items: the occupation's, those of the grade first; without a standard for it, all of them.
        var own = occupationCode is not null && _catalog.SkillItemsByOccupation.TryGetValue(occupationCode, out var items)
            ? items.Where(i => SkillExtractor.IsSpecificItem(i.Name.Trim())).ToArray()
            : [];
        // Without a standard to compare with, a skill known by its common name is that skill.
        if (own.Length == 0 && _commonNameOf.TryGetValue(folded, out var named))
            return new RecognizedSkill(text, CommonNamePrefix + named, named, "", Fold(named) == folded ? 1 : SynonymFactor);
        var candidates = new Dictionary<string, double>(StringComparer.Ordinal);
        if (own.Length > 0)
        {
            var graded = own.Where(i => i.Grade is not null).Select(i => i.Grade!.Value).Distinct().ToArray();
            var at = grade is { } g && graded.Contains(g) ? g : graded.Length > 0 ? graded.OrderBy(x => Math.Abs(x - (grade ?? 5))).First() : (int?)null;
            foreach (var item in own)
            {
                var factor = at is null || item.Grade == at ? 1 : OtherGradeFactor;
                candidates[item.Name.Trim()] = Math.Max(candidates.GetValueOrDefault(item.Name.Trim()), factor);
            }
        }
        else
            foreach (var item in _allItems) candidates[item] = NoOccupationFactor;

        var forms = new List<(string Form, double Factor)> { (folded, 1) };
        if (_formsOf.TryGetValue(folded, out var synonyms))
            forms.AddRange(synonyms.Where(s => s != folded).Select(s => (s, SynonymFactor)));

        string? bestItem = null;
        var bestScore = 0.0;
        foreach (var (item, factor) in candidates)
        {
            var foldedItem = Fold(item);
            foreach (var (form, formFactor) in forms)
            {
                var score = Similarity(form, foldedItem) * formFactor * factor;
                if (score > bestScore || (score == bestScore && bestItem is not null && string.CompareOrdinal(item, bestItem) < 0))
                    (bestItem, bestScore) = (item, score);
            }
        }

        // A recruiting title of the occupation ("CNC操机" for 多工序数控机床操作调整工) stands for its main operating item.
        if (bestScore < MinimumConfidence && own.Length > 0 && occupationCode is not null
            && _titleTermsByCode.TryGetValue(occupationCode, out var titles) && forms.Any(f => titles.Contains(f.Form)))
        {
            var main = own.Where(i => candidates[i.Name.Trim()] >= 1).OrderByDescending(i => i.WeightPercent ?? 0)
                .ThenBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault();
            if (main is not null) (bestItem, bestScore) = (main.Name.Trim(), TitleFactor);
        }

        // No item of the standard: the skill's common name, so 二保焊 and 二氧化碳气体保护焊 are one skill.
        if ((bestItem is null || bestScore < MinimumConfidence) && _commonNameOf.TryGetValue(folded, out var common))
            return new RecognizedSkill(text, CommonNamePrefix + common, common, "", Fold(common) == folded ? 1 : SynonymFactor);
        if (bestItem is null || bestScore < MinimumConfidence) return null;
        var code = own.Length > 0 ? occupationCode! : _occupationOfItem[bestItem];
        return new RecognizedSkill(text, code + "/" + bestItem, bestItem, code, Math.Round(Math.Min(1, bestScore), 3));
    }

    // Same name 1; one inside the other by how much it covers; otherwise the share of character pairs in common.
    private static double Similarity(string form, string item)
    {
        if (form == item) return 1;
        if (form.Length >= 2 && item.Contains(form, StringComparison.Ordinal)) return 0.55 + 0.45 * form.Length / item.Length;
        if (item.Length >= 2 && form.Contains(item, StringComparison.Ordinal)) return 0.55 + 0.45 * item.Length / form.Length;
        var a = Pairs(form);
        if (a.Count == 0) return 0;
        var b = Pairs(item);
        var shared = a.Count(b.Contains);
        return 0.75 * 2.0 * shared / (a.Count + b.Count);
    }

    private static HashSet<string> Pairs(string s)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 <= s.Length; i++) pairs.Add(s.Substring(i, 2));
        return pairs;
    }

    private static readonly char[] Separators = ['、', ',', '，', ';', '；', '/', '\n', '\r', '\t', '|', '+', '＋', ' ', '　', '。', '：', ':'];

    private static IEnumerable<string> Split(string text)
    {
        if (text.Length > SkillExtractor.MaxTextLength) text = text[..SkillExtractor.MaxTextLength];
        return text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0);
    }

    private static string Fold(string text) => SkillExtractor.Fold(text.Trim()).Replace(" ", "", StringComparison.Ordinal)
        .Replace('（', '(').Replace('）', ')');
}
