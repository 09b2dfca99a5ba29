using System.Collections.Frozen;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Titles;

/// <summary>
/// Normalizes free job titles ("急聘数控车工/五险一金/8k") to occupation codes of the 2022 classification
/// (职业名称标准化). Built once from a <see cref="TaxonomyCatalog"/>; immutable and thread-safe afterwards.
/// </summary>
/// <remarks>
/// A title is cleaned (pay, benefits, places, companies, brackets), split into its alternatives ("车工/铣工"),
/// and each part is scored against every occupation with three kinds of evidence:
/// dictionary hits of names, aliases and common recruiting titles (strongest when the hit is the head noun
/// at the end of the title), IDF-weighted character n-grams over names/aliases and, more weakly, over
/// definitions and tasks, and a shared head-noun suffix (…焊工, …装配工). A hit on a group supports its
/// members, so "高中 + 老师" lands on 高级中学教师 while a bare "老师" stays on the teaching group.
/// When the words leave several candidates close, labelled recruiting titles (<see cref="LabelledTitles"/>) re-rank
/// them: they carry the conventions of people who file real titles, such as which 经理 and 顾问 titles belong to the
/// professionals of group 2 and which to the service workers of group 4. A cleaned title that people filed under one
/// code at least twice (and more often than under any other) takes that code.
/// When the evidence is thin the answer falls back to the minor or middle group.
/// </remarks>
public sealed class TitleNormalizer
{
    /// <summary>The answer for a title with nothing recognisable in it: 8-00-00-00 不便分类的其他从业人员.</summary>
    public const string UnclassifiedCode = "8-00-00-00";

    // The weights of the evidence, and the confidence below which a group is the safer answer.
    private const float NameWeight = 0.95f, AliasWeight = 0.9f, DerivedWeight = 0.8f, LexiconWeight = 1f, GenericWeight = 0.75f;
    private const float NgramWeight = 1.2f, SuffixWeight = 0.12f, NotAtEnd = 0.8f, OtherHits = 0.2f;
    private const float RankBonus = 0.15f, ContextWeight = 0.3f, ModifierSupport = 0.5f;
    private const float DomainRankWeight = 1.05f, ChannelContentWeight = 1.25f;
    private const double CoarseBelow = 0.15;
    // Labelled titles: how much their minor group's probability weighs, and the confidence at which the words settle it.
    private const float LabelledWeight = 1.25f;
    // How much the probability the labels give a candidate's own code weighs (which member of a group people choose),
    // only for the candidates the words put close to the lead (calibrated on the first three quarters of the development
    // titles and the everyday-title lists).
    private const float LabelledCodeWeight = 2.5f, LabelledCodeWithin = 0.85f;
    private const double SettledConfidence = 0.8;
    // How many labelled titles must share a cleaned title and its code before that code is the answer for it.
    private const int FiledAgreement = 2;
    // A member replaces a group answer when the labels give it more than this share, and the words rank it among the
    // first MemberAmong (calibrated on the first three quarters of the development titles: 0.3–0.7 measure alike).
    private const double MemberShare = 0.5;
    private const int MemberAmong = 10;
    // A group answer below this confidence is vague: the matching engine reads no occupation from it.
    private const double VagueBelow = 0.5;

    private readonly Node[] _nodes;
    private readonly FrozenDictionary<string, int> _nodeByCode;
    private readonly Dictionary<string, Target[]> _terms;
    private readonly Dictionary<string, Target[]>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly HashSet<string> _noise;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _noiseLookup;
    private readonly int _maxTermLength, _maxNoiseLength, _maxPlaceLength;
    private readonly HashSet<string> _places;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _placeLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _roleLookup;
    private readonly (int Node, float Relation)[][] _relatives, _modifierRelatives;
    private readonly NgramIndex _ngrams;
    private readonly Dictionary<string, int[]> _suffixes;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _suffixLookup;
    private readonly int[][] _middleMembers; // node → all nodes of its middle group
    private readonly int _unclassified;
    private readonly LabelledTitleClassifier _labelled, _labelledCodes;
    private readonly Dictionary<string, (int Node, double Confidence)> _filed; // cleaned parts → the code people agree on

    /// <summary>A normalizer that also learns from the embedded labelled titles (<see cref="LabelledTitles.Embedded"/>).</summary>
    public TitleNormalizer(TaxonomyCatalog catalog) : this(catalog, LabelledTitles.Embedded)
    {
    }

    /// <summary>A normalizer that learns from the given labelled titles (none: dictionaries and n-grams only).</summary>
    public TitleNormalizer(TaxonomyCatalog catalog, IEnumerable<LabelledTitle> labelledTitles) : this(catalog, labelledTitles, withheldLexiconTerms: null)
    {
    }

    /// <summary>
    /// A normalizer that learns from the given labelled titles and uses the recruiting lexicon less the terms in
    /// <paramref name="withheldLexiconTerms"/> (lower-case titles): a title being measured must not find its own answer there.
    /// </summary>
    public TitleNormalizer(TaxonomyCatalog catalog, IEnumerable<LabelledTitle> labelledTitles, IReadOnlySet<string>? withheldLexiconTerms)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(labelledTitles);
        _nodes = catalog.Occupations
            .Where(o => OccupationCode.IsWellFormed(o.Code))
            .Select(o => new Node(o.Code, DisplayName(o.Name), o))
            .ToArray();
        _nodeByCode = _nodes.Select((n, i) => (n.Code, i)).ToFrozenDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _unclassified = _nodeByCode.GetValueOrDefault(UnclassifiedCode, -1);

        var byMiddle = _nodes.Select((n, i) => (Middle: OccupationCode.Middle(n.Code), i)).GroupBy(p => p.Middle)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);
        _middleMembers = _nodes.Select(n => byMiddle[OccupationCode.Middle(n.Code)]).ToArray();

        // Terms: names, derived short names, aliases, then the recruiting-title lexicon. The lexicon's judgement
        // replaces the aliases of the same term; occupation names always stay.
        var terms = new Dictionary<string, Dictionary<int, Target>>(StringComparer.Ordinal);
        var strongText = _nodes.Select(_ => new List<string>()).ToArray();
        for (var i = 0; i < _nodes.Length; i++)
        {
            var node = _nodes[i];
            Add(node.Name, i, NameWeight, TermKind.Name);
            strongText[i].Add(node.Name);
            strongText[i].Add(node.Name);
            foreach (var derived in DerivedTerms(node.Name)) Add(derived, i, DerivedWeight, TermKind.Derived);
            foreach (var alias in node.Occupation.Aliases)
            {
                var clean = DisplayName(alias).ToLowerInvariant();
                if (clean.Length < 2 && !clean.Any(TitleText.IsCjk)) continue;
                Add(clean, i, AliasWeight, TermKind.Alias);
                strongText[i].Add(clean);
            }
        }
        var lexicon = RecruitingTitleLexicon.Entries.Where(e => withheldLexiconTerms is null || !withheldLexiconTerms.Contains(e.Term.TrimEnd('*'))).ToList();
        var lexiconTerms = lexicon.Where(e => !e.IsModifier).Select(e => e.Term.TrimEnd('*')).ToHashSet(StringComparer.Ordinal);
        foreach (var term in lexiconTerms)
            if (terms.TryGetValue(term, out var existing))
                foreach (var key in existing.Where(p => p.Value.Kind is not TermKind.Name).Select(p => p.Key).ToList()) existing.Remove(key);
        foreach (var entry in lexicon)
        {
            if (!_nodeByCode.TryGetValue(entry.Code, out var i)) continue;
            var generic = entry.Term.EndsWith('*');
            var term = generic ? entry.Term[..^1] : entry.Term;
            Add(term, i, entry.IsModifier ? LexiconWeight : generic ? GenericWeight : LexiconWeight,
                entry.IsModifier ? TermKind.Modifier : TermKind.Lexicon);
            if (!entry.IsModifier) strongText[i].Add(term);
        }
        _terms = terms.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value.Values.ToArray(), StringComparer.Ordinal);
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxTermLength = _terms.Keys.Max(k => k.Length);

        // Noise: benefits and filler words anywhere; place names at the edges of a part (汕头酒店保安, 销售代表-常德),
        // unless they are an occupation term themselves.
        _noise = new HashSet<string>(NoiseWords, StringComparer.Ordinal);
        _noiseLookup = _noise.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxNoiseLength = _noise.Max(n => n.Length);
        _places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in catalog.Regions)
            foreach (var name in new[] { region.Name, region.ShortName })
                if (name.Length >= 2 && name.All(TitleText.IsCjk) && !_terms.ContainsKey(name)) _places.Add(name);
        foreach (var place in PlaceWords) _places.Add(place);
        _placeLookup = _places.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxPlaceLength = _places.Max(n => n.Length);
        _roleLookup = RoleWords.GetAlternateLookup<ReadOnlySpan<char>>();

        _relatives = Enumerable.Range(0, _nodes.Length).Select(i => Relatives(i, modifier: false).ToArray()).ToArray();
        _modifierRelatives = Enumerable.Range(0, _nodes.Length).Select(i => Relatives(i, modifier: true).ToArray()).ToArray();

        // Head-noun suffixes of 2–4 characters over names, aliases and lexicon titles.
        var suffixes = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (term, targets) in _terms)
        {
            if (!term.All(TitleText.IsCjk)) continue;
            foreach (var t in targets)
            {
                if (t.Kind is TermKind.Modifier) continue;
                for (var len = 2; len <= Math.Min(4, term.Length); len++)
                {
                    var suffix = term[^len..];
                    if (!suffixes.TryGetValue(suffix, out var set)) suffixes[suffix] = set = [];
                    set.Add(t.Node);
                }
            }
        }
        _suffixes = suffixes.Where(p => p.Value.Count <= 60).ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _suffixLookup = _suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

        _ngrams = new NgramIndex(
            strongText.Select(list => string.Join("/", list)).ToArray(),
            _nodes.Select(n => n.Occupation.Definition + "/" + n.Occupation.Tasks).ToArray());

        var examples = labelledTitles.Select(t => ((IReadOnlyList<string>)Parts(t.Title).Segments, t.Code)).ToList();
        _labelled = new LabelledTitleClassifier(examples);
        _labelledCodes = new LabelledTitleClassifier(examples, detailed: true);
        _filed = ConsistentFilings(examples);

        void Add(string term, int node, float weight, TermKind kind)
        {
            term = term.Trim().ToLowerInvariant();
            if (term.Length == 0) return;
            if (!terms.TryGetValue(term, out var targets)) terms[term] = targets = [];
            if (!targets.TryGetValue(node, out var existing) || existing.Weight < weight) targets[node] = new Target(node, weight, kind);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaxonomyCatalog, Lazy<TitleNormalizer>> Shared = new();

    /// <summary>One normalizer per catalog, built on first use and shared by every caller afterwards.</summary>
    public static TitleNormalizer For(TaxonomyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Shared.GetValue(catalog, c => new Lazy<TitleNormalizer>(() => new TitleNormalizer(c))).Value;
    }

    /// <summary>The best code for a title; never throws, whatever the input.</summary>
    public TitleMatch Normalize(string? title) => Rank(title, 1)[0];

    /// <summary>Up to <paramref name="top"/> candidates, best first (at least one: the answer of <see cref="Normalize"/>).</summary>
    public IReadOnlyList<TitleMatch> Suggest(string? title, int top) => Rank(title, Math.Max(1, top));

    /// <summary>The candidates the title's words find, best first, before labelled titles re-rank them.</summary>
    internal List<(string Code, float Score)> WordCandidates(string? title)
    {
        var (segments, context) = Parts(title);
        return segments.Count == 0 ? [] : WordRanking(segments, context).Select(p => (_nodes[p.Node].Code, p.Score)).ToList();
    }

    /// <summary>True when the title's words settle its occupation (a named title, or a clear lead).</summary>
    internal bool WordsSettle(string? title)
    {
        var (segments, context) = Parts(title);
        var ranked = segments.Count == 0 ? [] : WordRanking(segments, context);
        return ranked.Count > 0 && (Confidence(ranked[0].Score, RivalOf(ranked[0].Node, ranked)) >= SettledConfidence || IsNamedOutright(segments[0]));
    }

    private List<TitleMatch> Rank(string? title, int top)
    {
        var (segments, context) = Parts(title);
        var results = Rank(segments, context, top);
        // A title people filed the same way at least twice takes that code, unless the code is only a group of the
        // answer the words give (the words then say more than the filings).
        if (segments.Count > 0 && _filed.TryGetValue(string.Join('/', segments), out var filed))
        {
            var code = _nodes[filed.Node].Code;
            var answer = results[0].Code;
            if (code != answer && !(OccupationCode.LevelOf(code) < OccupationCode.LevelOf(answer) && IsWithin(answer, code)))
            {
                results.RemoveAll(r => r.Code == code);
                results.Insert(0, Match(filed.Node, filed.Confidence));
                if (results.Count > top) results.RemoveAt(results.Count - 1);
            }
        }
        return results;
    }

    private List<TitleMatch> Rank(List<string> segments, List<string> context, int top)
    {
        var ranked = WordRanking(segments, context);
        if (ranked.Count == 0) return [Unclassified()];

        // Labelled titles re-rank the candidates the title's words found, unless the words settle it: the head is a
        // known title (光伏组件操作工, 销售|经理) or one candidate leads clearly. They never bring in a candidate of their
        // own. Each candidate keeps the square of its share of the lead and gains the probability the labels give its
        // minor group and, when the words put it close to the lead, the probability they give its own code.
        var byWords = ranked;
        var rival = RivalOf(ranked[0].Node, ranked);
        if (Confidence(ranked[0].Score, rival) < SettledConfidence && !IsNamedOutright(segments[0])
            && _labelled.ClassProbabilities(segments) is { Count: > 0 } learned)
        {
            var lead = ranked[0].Score;
            var learnedCodes = _labelledCodes.ClassProbabilities(segments);
            ranked = ranked
                .Select(p => (p.Node, Score: lead * (MathF.Pow(p.Score / lead, 2)
                    + LabelledWeight * (float)learned.GetValueOrDefault(OccupationCode.Minor(_nodes[p.Node].Code))
                    + (p.Score >= lead * LabelledCodeWithin ? LabelledCodeWeight * (float)learnedCodes.GetValueOrDefault(_nodes[p.Node].Code) : 0))))
                .OrderByDescending(p => p.Score).ThenBy(p => _nodes[p.Node].Code, StringComparer.Ordinal).ToList();
            rival = RivalOf(ranked[0].Node, ranked);
        }

        var (first, firstScore) = ranked[0];
        // A group is a vague answer however clear the evidence for it.
        var confidence = Math.Min(Confidence(firstScore, rival), OccupationCode.LevelOf(_nodes[first].Code) switch { 4 => 1, 3 => 0.6, 2 => 0.4, _ => 0.2 });
        var results = new List<TitleMatch>(top);
        if (confidence < CoarseBelow && Coarser(first, ranked) is { } coarse)
            results.Add(Match(coarse, confidence));
        foreach (var (node, score) in ranked)
        {
            if (results.Count >= top) break;
            if (results.Any(r => r.Code == _nodes[node].Code)) continue;
            results.Add(Match(node, results.Count == 0 ? confidence : Math.Min(confidence, Confidence(score, rival)) * (score / firstScore)));
        }

        // A vague group answer the labels make precise (音乐教师: 教学人员 → 其他教学人员): unless an everyday title of the
        // lexicon names that group, a member the labelled titles give more than half their probability (and more than
        // the group itself), among the words' best candidates, is the answer, as unsure as the group was.
        if (results[0].IsCoarse && results[0].Score < VagueBelow && MemberPeopleChoose(results[0].Code, segments, byWords) is { } member)
        {
            results.RemoveAll(r => r.Code == _nodes[member].Code);
            results.Insert(0, Match(member, results[0].Score));
            if (results.Count > top) results.RemoveAt(results.Count - 1);
        }
        return results;
    }

    private int? MemberPeopleChoose(string group, List<string> segments, List<(int Node, float Score)> byWords)
    {
        if (Hits(segments[0].AsSpan()).Any(h => h.Targets.Any(t => t.Kind is TermKind.Lexicon && _nodes[t.Node].Code == group))) return null;
        var byCode = _labelledCodes.ClassProbabilities(segments);
        var (code, probability) = byCode.Where(c => c.Key != group && IsWithin(c.Key, group))
            .OrderByDescending(c => c.Value).Select(c => (c.Key, c.Value)).FirstOrDefault();
        if (code is null || probability <= MemberShare || probability <= byCode.GetValueOrDefault(group)) return null;
        return byWords.Take(MemberAmong).Any(p => _nodes[p.Node].Code == code) && _nodeByCode.TryGetValue(code, out var node) ? node : null;
    }

    // Cleaned titles that several labelled titles share ("服务员" in "诚聘服务员管吃住" and "雅诺达装饰招聘服务员"), with the
    // code at least FiledAgreement of them and more than half were filed under, and a confidence that grows with them.
    private Dictionary<string, (int Node, double Confidence)> ConsistentFilings(List<(IReadOnlyList<string> Parts, string Code)> examples)
    {
        var filed = new Dictionary<string, (int Node, double Confidence)>(StringComparer.Ordinal);
        foreach (var same in examples.Where(e => e.Parts.Count > 0 && OccupationCode.IsWellFormed(e.Code))
                     .GroupBy(e => string.Join('/', e.Parts), StringComparer.Ordinal))
        {
            var total = same.Count();
            var (code, count) = same.GroupBy(e => e.Code, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))
                .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            if (count < FiledAgreement || count * 2 <= total || !_nodeByCode.TryGetValue(code, out var node)) continue;
            filed[same.Key] = (node, Math.Round((double)count / total * count / (count + 1), 3));
        }
        return filed;
    }

    // The candidates the words of the parts find, best first; the bracketed context re-ranks them.
    private List<(int Node, float Score)> WordRanking(List<string> segments, List<string> context)
    {
        var combined = new Dictionary<int, float>();
        var best = new Dictionary<int, float>();
        for (var s = 0; s < segments.Count; s++)
        {
            var factor = s == 0 ? 1f : 0.96f;
            var scores = ScoreSegment(segments[s]);
            // A clear title in the first part wins over a clear one later ("车工/铣工"), whatever their rarity.
            var strongest = scores.Count == 0 ? 1f : Math.Max(1f, scores.Values.Max());
            foreach (var (node, score) in scores)
            {
                var weighted = score / strongest * factor;
                combined[node] = combined.GetValueOrDefault(node) + weighted;
                best[node] = Math.Max(best.GetValueOrDefault(node), weighted);
            }
        }
        if (best.Count == 0) return [];

        // Bracketed context re-ranks what the title names; it never brings in an occupation of its own.
        foreach (var part in context)
        {
            var scores = ScoreSegment(part);
            if (scores.Count == 0) continue;
            var strongest = Math.Max(1f, scores.Values.Max());
            foreach (var (node, score) in scores)
                if (best.TryGetValue(node, out var named)) best[node] = named + ContextWeight * score / strongest;
        }

        // The best part decides; the other parts of "车工/铣工" add a little.
        return best.Select(p => (Node: p.Key, Score: p.Value + 0.1f * (combined[p.Key] - p.Value)))
            .OrderByDescending(p => p.Score).ThenBy(p => _nodes[p.Node].Code, StringComparer.Ordinal).ToList();
    }

    // The best score among candidates unrelated to the node (neither its group nor its member).
    private float RivalOf(int node, List<(int Node, float Score)> ranked) =>
        ranked.Where(p => p.Node != node && !Related(node, p.Node)).Select(p => p.Score).DefaultIfEmpty(0).Max();

    // True when the part, or its head before rank words (销售|经理), is a name, alias or lexicon title as it stands, or
    // content work for a channel (小红书|剪辑), or when the part ends in a specific title of three or more characters
    // (食品厂|包装工).
    private bool IsNamedOutright(string part)
    {
        var span = part.AsSpan();
        var head = span[..EffectiveEnd(span, Hits(span))];
        if (_termLookup.ContainsKey(span) || _termLookup.ContainsKey(head) || ChannelContentNode(head) is not null) return true;
        for (var len = Math.Min(_maxTermLength, span.Length - 1); len >= 3; len--)
            if (_termLookup.TryGetValue(span[^len..], out var targets) && targets.Any(t => t.Kind is not TermKind.Modifier && t.Weight > GenericWeight))
                return true;
        return false;
    }

    private static double Confidence(float best, float rival)
    {
        var strength = Math.Clamp(best / 1.05, 0, 1);
        var margin = Math.Clamp((best - rival) / 0.3, 0, 1);
        return Math.Round(strength * (0.55 + 0.45 * margin), 3);
    }

    // The minor group when the leading candidates agree on it, otherwise the middle group.
    private int? Coarser(int first, List<(int Node, float Score)> ranked)
    {
        var code = _nodes[first].Code;
        if (OccupationCode.LevelOf(code) <= 2) return null;
        var leaders = ranked.Take(4).Where(p => p.Score >= ranked[0].Score * 0.75f).Select(p => _nodes[p.Node].Code).ToList();
        var minor = OccupationCode.Minor(code) + "-00";
        if (OccupationCode.LevelOf(code) == 4 && leaders.Count > 1 && leaders.All(c => c.StartsWith(code[..7], StringComparison.Ordinal))
            && _nodeByCode.TryGetValue(minor, out var minorNode))
            return minorNode;
        if (leaders.Count > 1 && !leaders.All(c => c.StartsWith(code[..4], StringComparison.Ordinal))) return null;
        return _nodeByCode.TryGetValue(OccupationCode.Middle(code) + "-00-00", out var middle) ? middle : null;
    }

    private bool Related(int a, int b)
    {
        var x = _nodes[a].Code;
        var y = _nodes[b].Code;
        return IsWithin(x, y) || IsWithin(y, x);
    }

    // True when code lies within group (or is it).
    private static bool IsWithin(string code, string group) => OccupationCode.LevelOf(group) switch
    {
        1 => code[0] == group[0],
        2 => code.AsSpan(0, 4).SequenceEqual(group.AsSpan(0, 4)),
        3 => code.AsSpan(0, 7).SequenceEqual(group.AsSpan(0, 7)),
        _ => code == group,
    };

    private TitleMatch Match(int node, double score) =>
        new(_nodes[node].Code, _nodes[node].Name, Math.Round(Math.Clamp(score, 0, 1), 3), OccupationCode.LevelOf(_nodes[node].Code) < 4);

    private TitleMatch Unclassified() =>
        _unclassified >= 0 ? Match(_unclassified, 0) : new TitleMatch(UnclassifiedCode, "不便分类的其他从业人员", 0, true);

    // ----- cleaning -----

    internal List<string> Segments(string? title) => Parts(title).Segments;

    // The parts that name the job, and the bracketed context beside them ("谈案顾问（律所）": 律所) when the job is
    // named outside the brackets.
    private (List<string> Segments, List<string> Context) Parts(string? title)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) return (result, []);
        var text = TitleText.StripNegated(TitleText.StripNumbers(TitleText.Fold(title)));
        var (outside, inside) = TitleText.SplitBrackets(text);
        AddParts(outside);
        if (result.Count == 0)
        {
            foreach (var part in inside) AddParts(part);
            return (result, []);
        }
        var named = result.Count;
        foreach (var part in inside) AddParts(part);
        var context = result.Skip(named).ToList();
        result.RemoveRange(named, result.Count - named);
        return (result, context);

        void AddParts(string text)
        {
            text = AfterRecruiter(text);
            text = TitleText.StripCompanyPrefix(text);
            text = TitleText.ShareHeads(text);
            foreach (var part in TitleText.Split(text))
            {
                var clean = RemoveNoise(part);
                // "教学主管/经理": a later part that is only a rank belongs to the part before it.
                if (result.Count > 0 && IsRoleOnly(clean) && result.Any(r => Hits(r.AsSpan()).Count > 0 || CjkCount(r) >= 2)) continue;
                if (clean.Length > 0 && !result.Contains(clean)) result.Add(clean);
            }
        }
    }

    // "鑫盾辐射招聘木工" → "木工": what follows the last recruiting verb, unless that verb is part of a title (招聘专员).
    private string AfterRecruiter(string text)
    {
        var protectedSpans = Hits(text.AsSpan());
        for (var i = text.Length - 2; i >= 1; i--)
        {
            var marker = Recruiters.FirstOrDefault(r => string.CompareOrdinal(text, i, r, 0, r.Length) == 0);
            if (marker is null) continue;
            if (protectedSpans.Any(h => h.Start < i + marker.Length && h.Start + h.Length > i && h.Length > marker.Length)) continue;
            var rest = text[(i + marker.Length)..];
            if (!rest.Any(c => TitleText.IsCjk(c) || c is >= 'a' and <= 'z')) continue;
            // "链家招聘+五险一金": nothing recognisable after the verb, so the part before it is the better guess.
            if (Hits(rest.AsSpan()).Count == 0 && Hits(text.AsSpan(0, i)).Count > 0) return text[..i];
            return rest;
        }
        return text;
    }

    private static readonly string[] Recruiters = ["招聘", "聘请", "诚聘", "急聘", "直聘", "热招", "急招", "招募"];

    private string RemoveNoise(string part)
    {
        var span = part.AsSpan();
        var hits = Hits(span);
        var keep = new bool[part.Length];
        Array.Fill(keep, true);
        for (var i = 0; i < part.Length; i++)
        {
            for (var len = Math.Min(_maxNoiseLength, part.Length - i); len >= 1; len--)
            {
                if (!_noiseLookup.Contains(span.Slice(i, len))) continue;
                // Single-character noise (急, 招, 聘) only at the edges.
                if (len == 1 && i != 0 && i != part.Length - 1) continue;
                var start = i;
                var end = i + len;
                if (hits.Any(h => h.Start < end && h.Start + h.Length > start && h.Length > len)) continue;
                if (IsLatinTerm(span.Slice(i, len)) && !IsWordBoundary(span, i, len)) continue;
                for (var k = start; k < end; k++) keep[k] = false;
                break;
            }
        }
        var chars = new char[part.Length];
        var n = 0;
        for (var i = 0; i < part.Length; i++)
            if (keep[i]) chars[n++] = part[i];
        var cleaned = StripPlaces(JoinWords(new string(chars, 0, n).Trim().Trim('.')));
        // One stray character left over ("暑假工" → "工") says nothing.
        return cleaned.Length == 1 && _terms.ContainsKey(cleaned) is false ? "" : cleaned;
    }

    // Spaces left by removed words go, except between two Latin words ("python developer").
    private static string JoinWords(string s)
    {
        if (!s.Contains(' ')) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != ' ') { sb.Append(s[i]); continue; }
            var prev = sb.Length > 0 ? sb[^1] : ' ';
            var next = i + 1 < s.Length ? s[i + 1] : ' ';
            if (TitleText.IsLatinTokenChar(prev) && TitleText.IsLatinTokenChar(next)) sb.Append(' ');
        }
        return sb.ToString();
    }

    private string StripPlaces(string part)
    {
        for (var guard = 0; guard < 4 && part.Length > 0; guard++)
        {
            var before = part;
            for (var len = Math.Min(_maxPlaceLength, part.Length); len >= 2; len--)
                if (_placeLookup.Contains(part.AsSpan(0, len)) && !StartsWithTerm(part, len)) { part = part[len..]; break; }
            for (var len = Math.Min(_maxPlaceLength, part.Length); len >= 2; len--)
                if (_placeLookup.Contains(part.AsSpan(part.Length - len, len)) && !EndsWithTerm(part, len)) { part = part[..^len]; break; }
            if (part == before) break;
        }
        return part;
    }

    // A place name that is the start of a longer term (e.g. a term beginning with a city's short name) stays.
    private bool StartsWithTerm(string part, int placeLength)
    {
        for (var len = Math.Min(_maxTermLength, part.Length); len > placeLength; len--)
            if (_termLookup.ContainsKey(part.AsSpan(0, len))) return true;
        return false;
    }

    private bool EndsWithTerm(string part, int placeLength)
    {
        for (var len = Math.Min(_maxTermLength, part.Length); len > placeLength; len--)
            if (_termLookup.ContainsKey(part.AsSpan(part.Length - len, len))) return true;
        return false;
    }

    private bool IsRoleOnly(string part)
    {
        if (Hits(part.AsSpan()).Any(h => h.Targets.Any(t => t.Weight > GenericWeight))) return false;
        var end = part.Length;
        while (end > 0)
        {
            var len = Math.Min(5, end);
            while (len > 0 && !_roleLookup.Contains(part.AsSpan(end - len, len))) len--;
            if (len == 0) return false;
            end -= len;
        }
        return part.Length > 0;
    }

    // ----- scoring -----

    internal readonly record struct Hit(int Start, int Length, Target[] Targets);

    internal List<Hit> Hits(ReadOnlySpan<char> text)
    {
        var hits = new List<Hit>();
        for (var i = 0; i < text.Length; i++)
        {
            for (var len = Math.Min(_maxTermLength, text.Length - i); len >= 1; len--)
            {
                var slice = text.Slice(i, len);
                if (!_termLookup.TryGetValue(slice, out var targets)) continue;
                if (IsLatinTerm(slice) && !IsWordBoundary(text, i, len)) continue;
                if (len == 1 && !TitleText.IsCjk(slice[0])) continue;
                hits.Add(new Hit(i, len, targets));
            }
        }
        // A hit inside a longer hit is part of that term, not evidence of its own.
        hits = hits.Where(h => !hits.Any(o => o.Length > h.Length && o.Start <= h.Start && o.Start + o.Length >= h.Start + h.Length)).ToList();
        // Overlapping hits: "天猫运营|助理" is a 天猫运营 with a rank word, not a 运营助理 with a shop name. A hit that only
        // reaches past an earlier hit with junior rank words gives way to it; a manager's rank (网络客服|主管) keeps
        // the rank's term, as a manager's title is named by the rank.
        if (hits.Count > 1)
        {
            var source = text.ToString();
            hits.RemoveAll(h => hits.Any(o => o.Start < h.Start && o.Start + o.Length > h.Start && o.Start + o.Length < h.Start + h.Length
                && o.Length >= 2 && IsRoleSequence(source.AsSpan(o.Start + o.Length, h.Start + h.Length - o.Start - o.Length))
                && RankOf(source.AsSpan(o.Start + o.Length, h.Start + h.Length - o.Start - o.Length)) <= 0));
        }
        return hits;
    }

    // True when the text is made of rank words only (助理, 经理, 主管专员).
    private bool IsRoleSequence(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0)
        {
            var len = Math.Min(5, end);
            while (len > 0 && !_roleLookup.Contains(text.Slice(end - len, len))) len--;
            if (len == 0) return false;
            end -= len;
        }
        return text.Length > 0;
    }

    private static bool IsLatinTerm(ReadOnlySpan<char> s) => s.Length > 0 && TitleText.IsLatinTokenChar(s[0]) && TitleText.IsLatinTokenChar(s[^1]);

    private static bool IsWordBoundary(ReadOnlySpan<char> text, int start, int length) =>
        (start == 0 || !TitleText.IsLatinOrDigit(text[start - 1])) &&
        (start + length == text.Length || !TitleText.IsLatinOrDigit(text[start + length]));

    private Dictionary<int, float> ScoreSegment(string segment)
    {
        var span = segment.AsSpan();
        var hits = Hits(span);
        var n = segment.Length;
        var end = EffectiveEnd(span, hits);
        var head = new Dictionary<int, float>();
        var support = new Dictionary<int, float>();
        // Per node: the strongest hit counts whole, every other hit adds a fifth of its value.
        var perHit = new Dictionary<int, float>();
        var sums = new Dictionary<int, float>();

        foreach (var hit in hits)
        {
            perHit.Clear();
            var atEnd = hit.Start + hit.Length >= end;
            var coverage = Math.Min(1f, (float)hit.Length / end);
            // A role word after the head (销售|副总经理) says the rank, not the occupation.
            var roleOnly = end < n && hit.Start >= end ? 0.6f : 1f;
            foreach (var target in hit.Targets)
            {
                // A bare rank (经理, 总监) means an executive only when nothing before it names a field.
                if (end < n && hit.Start >= end && target.Weight == GenericWeight && _nodes[target.Node].Code[0] == '1') continue;
                if (target.Kind is TermKind.Modifier)
                {
                    foreach (var (node, rel) in _modifierRelatives[target.Node])
                        support[node] = support.GetValueOrDefault(node) + ModifierSupport * rel;
                    continue;
                }
                var baseScore = target.Weight * (0.55f + 0.45f * coverage) * (atEnd ? 1f : NotAtEnd) * roleOnly;
                foreach (var (node, rel) in _relatives[target.Node])
                {
                    var value = baseScore * rel;
                    if (value > perHit.GetValueOrDefault(node)) perHit[node] = value;
                }
            }
            foreach (var (node, value) in perHit)
            {
                sums[node] = sums.GetValueOrDefault(node) + value;
                if (value > head.GetValueOrDefault(node)) head[node] = value;
            }
        }
        foreach (var (node, sum) in sums)
        {
            var others = sum - head[node];
            if (others > 0.001f) support[node] = support.GetValueOrDefault(node) + OtherHits * others;
        }

        // A manager's title (物流经理) leans to the professionals of major group 2, a junior one (营销专员) to the
        // clerks and service workers of groups 3 and 4.
        var rank = end < n ? RankOf(span[end..]) : 0;
        var headSpan = span[..end];

        // A business field with a rank (销售|总监, 营销|专员, 运营|主管) names the occupation that field has at that rank.
        if (rank != 0 && DomainCode(headSpan, hits, rank) is { } domainNode)
            head[domainNode] = Math.Max(head.GetValueOrDefault(domainNode), DomainRankWeight);

        // Content work for a short-video or social channel (抖音|编导, 短视频|剪辑) is full-media operation.
        if (ChannelContentNode(headSpan) is { } channelNode)
            head[channelNode] = Math.Max(head.GetValueOrDefault(channelNode), ChannelContentWeight);

        // Operations on a shopping platform or shop (电商平台运营, 京东自营店铺运营) is e-commerce work.
        if (ShopOperationsNode(span) is { } shopNode)
            head[shopNode] = Math.Max(head.GetValueOrDefault(shopNode), ChannelContentWeight);

        // Selling or business abroad (海外销售主管, 进出口业务经理), at any rank, is international business.
        if (ForeignTradeNode(span) is { } tradeNode)
            head[tradeNode] = Math.Max(head.GetValueOrDefault(tradeNode), ChannelContentWeight);

        // The field is named by the head; the rank words after it (经理, 专员) would only match occupations named after ranks.
        var ngram = _ngrams.Score(end < n && !hits.Any(h => h.Start + h.Length <= end) ? segment[..end] : segment);
        var suffix = new Dictionary<int, float>();
        for (var len = Math.Min(4, end); len >= 2; len--)
        {
            if (!_suffixLookup.TryGetValue(headSpan[^len..], out var nodes)) continue;
            foreach (var node in nodes)
                if (!suffix.ContainsKey(node)) suffix[node] = len / 4f;
        }

        var scores = new Dictionary<int, float>();
        var candidates = new HashSet<int>(head.Keys);
        candidates.UnionWith(support.Keys.Where(k => head.ContainsKey(k) || support[k] >= 0.2f));
        candidates.UnionWith(suffix.Keys);
        foreach (var node in ngram.Top(30)) candidates.Add(node);
        foreach (var node in candidates)
        {
            var value = head.GetValueOrDefault(node) + Math.Min(ModifierSupport, support.GetValueOrDefault(node))
                + NgramWeight * ngram[node] + SuffixWeight * suffix.GetValueOrDefault(node)
                + RankBonus * rank switch
                {
                    1 when _nodes[node].Code[0] == '2' => 1f,
                    -1 when _nodes[node].Code[0] is '3' or '4' => 1f,
                    _ => 0f,
                };
            if (value > 0.02f) scores[node] = value;
        }
        return scores;
    }

    // The field word that ends the head, when no more specific term (汽车销售, 天猫运营) ends there.
    private int? DomainCode(ReadOnlySpan<char> head, List<Hit> hits, int rank)
    {
        foreach (var (word, manager, junior) in DomainRanks)
        {
            if (!head.EndsWith(word, StringComparison.Ordinal)) continue;
            var wordStart = head.Length - word.Length;
            var headLength = head.Length;
            if (hits.Any(h => h.Start < wordStart && h.Start + h.Length == headLength)) return null;
            var code = rank > 0 ? manager : junior;
            return code is not null && _nodeByCode.TryGetValue(code, out var node) ? node : null;
        }
        return null;
    }

    private int? ChannelContentNode(ReadOnlySpan<char> head)
    {
        foreach (var channel in ChannelWords)
        {
            var at = head.LastIndexOf(channel, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = head[(at + channel.Length)..];
            foreach (var content in ContentHeads)
                if (rest.SequenceEqual(content))
                    return _nodeByCode.TryGetValue(FullMediaOperatorCode, out var node) ? node : null;
        }
        return null;
    }

    private int? ShopOperationsNode(ReadOnlySpan<char> head)
    {
        var at = head.LastIndexOf("运营", StringComparison.Ordinal);
        if (at < 0 || at + 2 < head.Length && !_roleLookup.Contains(head[(at + 2)..])) return null;
        var before = head[..at];
        foreach (var shop in ShopWords)
            if (before.Contains(shop, StringComparison.Ordinal))
                return _nodeByCode.TryGetValue(ECommerceCode, out var node) ? node : null;
        return null;
    }

    private int? ForeignTradeNode(ReadOnlySpan<char> text)
    {
        foreach (var trade in ForeignTradeWords)
        {
            var at = text.IndexOf(trade, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = text[(at + trade.Length)..];
            foreach (var business in TradeBusinessWords)
                if (rest.Contains(business, StringComparison.Ordinal))
                    return _nodeByCode.TryGetValue(InternationalBusinessCode, out var node) ? node : null;
        }
        return null;
    }

    private const string InternationalBusinessCode = "2-06-07-01";
    private static readonly string[] ForeignTradeWords = ["海外", "外贸", "进出口", "出口", "国际贸易", "跨境贸易"];
    private static readonly string[] TradeBusinessWords = ["销售", "业务", "贸易", "跟单"];

    private const string ECommerceCode = "4-01-06-01";
    private static readonly string[] ShopWords = ["电商", "电子商务", "淘宝", "天猫", "京东", "拼多多", "亚马逊", "速卖通", "阿里巴巴", "1688", "店铺", "网店", "跨境", "shopee", "lazada", "虾皮", "独立站", "中文站", "国际站", "商城"];

    private const string FullMediaOperatorCode = "4-13-01-05";
    private static readonly string[] ChannelWords = ["短视频", "抖音", "快手", "新媒体", "自媒体", "小红书", "视频号", "公众号", "微博", "b站", "网站", "谷歌", "facebook", "tiktok"];
    private static readonly string[] ContentHeads = ["编导", "编剧", "导演", "剪辑", "剪辑师", "策划", "运营", "拍摄", "摄像", "脚本", "内容"];

    // Field words of business titles and the occupation each has for a manager's and for a junior's rank.
    // Longer words first: 市场营销 before 营销.
    private static readonly (string Word, string? Manager, string? Junior)[] DomainRanks =
    [
        ("市场营销", "2-06-07-02", "4-01-02-01"),
        ("销售", "2-06-07-02", "4-01-02-01"),
        ("营销", "2-06-07-02", "4-01-02-01"),
        ("业务", "2-06-07-02", "4-01-02-01"),
        ("渠道", "2-06-07-02", "4-01-02-01"),
        ("推广", "2-06-07-02", "4-01-02-01"),
        ("市场", "2-06-07-02", null),
        ("拓展", "2-06-07-02", null),
        ("营运", "2-06-07-02", null),
        ("招商", "2-06-07-03", "2-06-07-03"),
        ("客服", "4-07-02-03", "4-04-05-03"),
        ("行政", "3-01-01-01", "3-01-01-01"),
        ("人力资源", "2-06-08-01", null),
        ("人事", "2-06-08-01", null),
        ("人力", "2-06-08-01", null),
        ("财务", "2-06-03-00", "2-06-03-00"),
        ("采购", "2-06-07-15", "4-01-01-00"),
        ("物流", "2-02-30-02", "4-02-06-03"),
        ("仓储", "4-02-06-01", "4-02-06-01"),
        ("仓库", "4-02-06-01", "4-02-06-01"),
        ("生产", "2-02-30-01", null),
        ("车间", "2-02-30-01", null),
        ("品质", "2-02-29-03", null),
        ("质量", "2-02-29-03", null),
        ("项目", "2-02-30-04", "2-02-30-04"),
        ("工程", "2-02-30-04", null),
        ("设备", "2-02-07-04", null),
        ("安全", "2-02-28-03", "6-31-06-00"),
    ];

    private static int RankOf(ReadOnlySpan<char> roles)
    {
        foreach (var word in ManagerWords) if (roles.Contains(word, StringComparison.Ordinal)) return 1;
        foreach (var word in JuniorWords) if (roles.Contains(word, StringComparison.Ordinal)) return -1;
        return 0;
    }

    private static readonly string[] ManagerWords = ["经理", "总监", "主管", "负责人", "部长", "处长", "主任", "高管", "总"];
    private static readonly string[] JuniorWords = ["专员", "助理", "文员", "内勤", "职员", "员工"];

    // Where the title's head ends: role words after it (经理, 专员, 助理) do not change the occupation.
    private int EffectiveEnd(ReadOnlySpan<char> text, List<Hit> hits)
    {
        var end = text.Length;
        for (var guard = 0; guard < 3; guard++)
        {
            var moved = false;
            for (var len = Math.Min(5, end - 1); len >= 1; len--)
            {
                if (!_roleLookup.Contains(text.Slice(end - len, len))) continue;
                var start = end - len;
                // The role word must not be the tail of a longer term (销售经理 is one term).
                if (hits.Any(h => h.Start < start && h.Start + h.Length > start)) continue;
                // Something must be left to name the field: a known term, or at least two characters (教学|经理).
                if (!hits.Any(h => h.Start + h.Length <= start)
                    && (CjkCount(text[..start]) < 2 || !ManagerRoles.Contains(text.Slice(start, len).ToString()))) continue;
                end = start;
                moved = true;
                break;
            }
            if (!moved) break;
        }
        return Math.Max(1, end);
    }

    // Ranks that name no field: what comes before them does (教学|经理, 数据治理|总监).
    private static readonly HashSet<string> ManagerRoles = new(StringComparer.Ordinal)
    {
        "经理", "总经理", "副经理", "副总经理", "总监", "副总监", "主管", "负责人", "部长", "部", "高级经理", "专业经理", "副总", "总", "助理", "专员", "中心", "事业部", "部门", "客户经理",
    };

    private static int CjkCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text) if (TitleText.IsCjk(c)) count++;
        return count;
    }

    // The node itself, its members when it is a group, its group, and (more weakly) its siblings and cousins.
    private IEnumerable<(int Node, float Relation)> Relatives(int node, bool modifier)
    {
        var code = _nodes[node].Code;
        var level = OccupationCode.LevelOf(code);
        foreach (var other in _middleMembers[node])
        {
            var otherCode = _nodes[other].Code;
            float relation;
            if (other == node) relation = 1f;
            else if (level < 4 && IsWithin(otherCode, code)) relation = 0.7f;
            else if (modifier) continue;
            else if (IsWithin(code, otherCode)) relation = 0.8f;
            else if (code.AsSpan(0, 7).SequenceEqual(otherCode.AsSpan(0, 7))) relation = 0.6f;
            else relation = 0.4f;
            yield return (other, relation);
        }
    }

    // ----- construction helpers -----

    /// <summary>Strips the classification's green/digital markers: "物流工程技术人员L/S" → "物流工程技术人员".</summary>
    internal static string DisplayName(string name)
    {
        var s = name.Trim().Replace(" ", "", StringComparison.Ordinal);
        var end = s.Length;
        while (end > 0 && s[end - 1] is 'L' or 'S' or 'l' or 's' or '/' && end > 1 && (TitleText.IsCjk(s[end - 2]) || s[end - 2] is 'L' or 'S' or 'l' or 's' or '/'))
            end--;
        return end > 0 && end < s.Length && TitleText.IsCjk(s[end - 1]) ? s[..end] : s;
    }

    private static IEnumerable<string> DerivedTerms(string name)
    {
        if (name.EndsWith("工程技术人员", StringComparison.Ordinal) && name.Length > 8)
        {
            var stem = name[..^6];
            yield return stem + "工程师";
            yield return stem + "技术员";
            if (stem.Length >= 2) yield return stem + "工程";
            // A name joining fields (道路与桥隧工程技术人员) also names an engineer of its first, main field (道路工程师).
            var fields = stem.Split(['与', '和', '、', '及'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 1 && fields[0].Length >= 2)
            {
                yield return fields[0] + "工程师";
                yield return fields[0] + "技术员";
            }
        }
        else if (name.EndsWith("专业人员", StringComparison.Ordinal) && name.Length >= 6)
            yield return name[..^4];
        else if (name.EndsWith("人员", StringComparison.Ordinal) && name.Length >= 5 && !name.Contains('、'))
            yield return name[..^2];
    }

    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "经理", "总经理", "副经理", "副总经理", "总监", "副总监", "主管", "专员", "助理", "顾问", "组长", "主任", "负责人", "副总", "代表",
        "文员", "人员", "工作人员", "师傅", "储备干部", "干部", "合伙人", "专家", "管培生", "总", "副", "岗", "管理", "管理岗", "经理助理", "部", "部长", "处长", "科长",
        "站长", "中心", "事业部", "部门", "高级经理", "专业经理", "区域经理", "主任助理", "总助", "职员", "员工", "内勤", "外勤", "高管", "领班", "骨干", "客户经理",
    };

    private static readonly string[] PlaceWords = ["全国", "本地", "异地", "省内", "市区", "城区", "县城", "总部", "分部", "驻外", "外派", "全国多地"];

    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "五险一金", "六险一金", "五险", "社保", "双休", "单休", "大小周", "周末双休", "做五休二", "做六休一", "月休四天", "月休",
        "包吃住", "包食宿", "包住宿", "包住", "包吃", "管吃住", "管吃", "管住", "提供食宿", "提供吃住", "提供住宿", "吃住", "食宿",
        "住宿", "餐补", "房补", "朝九晚六", "朝九晚五", "不加班", "加班少", "高提成", "提成", "底薪", "无责底薪", "高薪", "急聘",
        "诚聘", "急招", "直招", "招聘", "直聘", "聘请", "热招", "高薪诚聘", "长期", "长白班", "白班", "夜班", "倒班", "两班倒",
        "全职", "兼职", "实习生", "应届生", "应届", "毕业生", "可实习", "经验不限", "无经验", "零基础", "小白", "入职", "包培训",
        "带薪培训", "带薪", "年终奖", "奖金", "福利好", "福利", "待遇好", "待遇优厚", "待遇", "轻松", "不压单", "不坐班", "无需坐班",
        "坐班", "大量", "多名", "若干", "优秀", "资深", "高级", "初级", "中级", "见习", "储备", "正式工", "学徒", "熟手", "金牌",
        "星级", "日结", "周结", "月结", "保底", "年薪", "月薪", "工资", "薪资", "收入", "月入", "日薪", "时薪", "多劳多得", "上不封顶",
        "稳定", "环境好", "男女不限", "不限", "有经验", "经验", "熟练", "在家", "居家", "远程", "线上", "办公室", "社招", "校招",
        "校园招聘", "岗位", "职位", "中工", "大工", "小工", "急", "招", "聘", "岗", "全国", "本地", "异地", "省内", "市区", "城区",
        "县城", "周边", "附近", "就近", "驻外", "外派", "全国多地", "多地", "管培生", "实习", "转正", "包车", "班车", "高工资", "工资高",
        "工资日结", "可兼职", "宝妈", "学生", "暑假", "寒假", "假期", "男", "女", "优先", "欢迎", "面议", "薪酬面议", "不外出", "坐着",
        "站着", "周末", "休息", "空调车间", "正编", "编制", "直签", "大专", "本科", "中专", "高中以上", "学历不限", "年龄", "岁",
        "以下", "以上", "数名", "出差", "公司", "企业", "集团", "大型", "知名", "上市", "国企", "外企", "央企",
    };

    internal enum TermKind { Name, Derived, Alias, Lexicon, Modifier }

    internal readonly record struct Target(int Node, float Weight, TermKind Kind);

    private sealed record Node(string Code, string Name, Occupation Occupation);
}
