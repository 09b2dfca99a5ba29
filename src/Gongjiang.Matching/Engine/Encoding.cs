using System.Globalization;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;

namespace Gongjiang.Matching.Engine;

/// <summary>What the engine needs from the taxonomy, precomputed once per catalog.</summary>
internal sealed class TaxonomyLookup
{
    private readonly TaxonomyCatalog _catalog;
    private readonly Dictionary<string, int> _codeByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _citiesOfProvince = [];
    private readonly Dictionary<string, int> _cityOf = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string[] Names, float[] Weights)> _standard = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<int, string> _regionNames = [];

    /// <param name="normalizeTitles">Whether titles that are no exact name or alias go through the title normalizer.</param>
    public TaxonomyLookup(TaxonomyCatalog catalog, bool normalizeTitles = true)
    {
        _catalog = catalog;
        _normalizeTitles = normalizeTitles;
        foreach (var o in catalog.Occupations)
            if (OccupationInt.Parse(o.Code) is var c and not 0) _names[c] = Titles.TitleNormalizer.DisplayName(o.Name); // without the green/digital markers (L, S)
        foreach (var o in catalog.Occupations.Where(o => o.Level == 4))
        {
            var code = OccupationInt.Parse(o.Code);
            if (code == 0) continue;
            _codeByTitle.TryAdd(o.Name, code);
            foreach (var alias in o.Aliases) _codeByTitle.TryAdd(alias, code);
        }
        // Filled once here and only read afterwards, so concurrent queries may share it.
        foreach (var r in catalog.Regions)
        {
            _regionNames[Int(r.Code)] = r.Name;
            _cityOf[r.Code] = Int(catalog.CityOf(r.Code));
        }
        foreach (var province in catalog.Regions.Where(r => r.Depth == 1))
        {
            var cities = catalog.Regions.Where(r => r.Depth == 2 && r.ParentCode == province.Code)
                .Select(r => Int(r.Code)).Where(c => c != 0).ToArray();
            if (cities.Length > 0) _citiesOfProvince[Int(province.Code)] = cities;
        }
    }

    public TaxonomyCatalog Catalog => _catalog;

    /// <summary>The prefecture city of a division code as an int, 0 when unknown.</summary>
    public int CityOf(string? regionCode)
    {
        if (string.IsNullOrEmpty(regionCode)) return 0;
        return _cityOf.TryGetValue(regionCode, out var city) ? city : Int(_catalog.CityOf(regionCode));
    }

    /// <summary>Adds the prefecture cities a willingness entry stands for: a province means all its cities.</summary>
    public void AddReach(string? code, List<int> into)
    {
        var region = Int(code);
        if (region != 0 && _citiesOfProvince.TryGetValue(region, out var cities))
        {
            into.AddRange(cities);
            return;
        }
        var city = CityOf(code);
        if (city != 0) into.Add(city);
    }

    /// <summary>
    /// The occupation a free title names: an official name or alias matched exactly (after removing bracketed perks),
    /// otherwise the title normalizer's answer when it is confident enough (a detailed code, or a minor group).
    /// 0 when the title says too little.
    /// </summary>
    /// <param name="normalize">False to accept exact names and aliases only.</param>
    public int OccupationForTitle(string? title, bool normalize = true)
    {
        if (string.IsNullOrWhiteSpace(title)) return 0;
        var t = title.Trim();
        var open = t.IndexOfAny(['（', '(', '【']);
        var bare = open > 0 ? t[..open].Trim() : t;
        if (_codeByTitle.TryGetValue(bare, out var code)) return code;
        if (!_normalizeTitles || !normalize) return 0;
        if (_normalized.TryGetValue(t, out var cached)) return cached;
        var match = Titles.TitleNormalizer.For(_catalog).Normalize(t);
        var result = match.Score >= MinTitleConfidence && match.Code != Titles.TitleNormalizer.UnclassifiedCode
            ? OccupationInt.Parse(match.Code) : 0;
        // Titles repeat a great deal across a market; the cache is bounded so odd titles cannot grow it without end.
        if (_normalized.Count < MaxCachedTitles) _normalized.TryAdd(t, result);
        return result;
    }

    /// <summary>The least confidence at which a normalized title stands for an occupation.</summary>
    public const double MinTitleConfidence = 0.5;

    private const int MaxCachedTitles = 200_000;
    private readonly bool _normalizeTitles;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _normalized = new(StringComparer.Ordinal);

    public string? OccupationName(int code) => _names.GetValueOrDefault(code);

    public string RegionName(int code) => _regionNames.GetValueOrDefault(code, "");

    /// <summary>Skill items of the occupation's national standard at a grade (the lowest graded level when none), weights summing to 1.</summary>
    public (string[] Names, float[] Weights) StandardSkills(int occupation, int grade)
    {
        var key = (long)occupation * 8 + grade;
        lock (_standard)
        {
            if (_standard.TryGetValue(key, out var cached)) return cached;
        }
        var result = (Array.Empty<string>(), Array.Empty<float>());
        if (occupation != 0 && _catalog.SkillItemsByOccupation.TryGetValue(OccupationInt.Format(occupation), out var items))
        {
            var graded = items.Where(i => i.Grade is not null).ToArray();
            var at = grade != 0 && graded.Any(i => i.Grade == grade) ? grade
                : graded.Length > 0 ? graded.Max(i => i.Grade!.Value) : 0;
            var chosen = at != 0 ? graded.Where(i => i.Grade == at).ToArray() : items;
            var merged = chosen.GroupBy(i => i.Name, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Weight: g.Sum(i => i.WeightPercent ?? 0)))
                .ToArray();
            if (merged.Length > 0)
            {
                var total = merged.Sum(m => m.Weight);
                result = (merged.Select(m => m.Name).ToArray(),
                    merged.Select(m => (float)(total > 0 ? m.Weight / total : 1.0 / merged.Length)).ToArray());
            }
        }
        lock (_standard) _standard[key] = result;
        return result;
    }

    public static int Int(string? code) =>
        code is { Length: 6 } && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}

/// <summary>
/// Turns domain objects into the engine's records. Reads only the fields matching may use; a talent's gender and
/// birth year are never touched here, so nothing downstream can depend on them.
/// </summary>
internal sealed class Encoder(TaxonomyLookup taxonomy, Interner skills, Interner certificates)
{
    public const int MaxBigrams = 48;
    private const int MaxTitleBigrams = 24;

    // Scratch lists, reused: encoding runs under the engine's write lock or on one query's own encoder.
    private readonly List<int> _a = [];
    private readonly List<int> _b = [];
    private readonly List<(int Id, float Weight)> _weighted = [];

    /// <summary>
    /// When false (queries by an ad-hoc profile), names the index has never seen get negative ids that match
    /// nothing, and are kept in <see cref="LocalNames"/> for explanations, so a query never grows the index.
    /// </summary>
    public bool Intern { get; init; } = true;

    public List<string> LocalNames { get; } = [];

    public TalentRow Encode(TalentProfile p, Pool<int> ints)
    {
        var row = new TalentRow
        {
            Region = TaxonomyLookup.Int(p.CityCode),
            City = taxonomy.CityOf(p.CityCode),
            ExperienceYears = (float)Math.Max(0, p.ExperienceYears),
            Education = (byte)(p.Education?.Level is { } level ? (int)level : 0),
            UpdatedDay = p.UpdatedAt == default ? 0 : DateOnly.FromDateTime(p.UpdatedAt).DayNumber,
            WorkRecord = WorkRecordSignals.Of(p.ResumeText),
            Alive = p.IsActive,
        };
        (row.SalaryMin, row.SalaryMax) = SalaryRange(p.ExpectedSalaryMin, p.ExpectedSalaryMax);

        _a.Clear();
        if (row.City != 0) _a.Add(row.City);
        foreach (var w in p.WillingCities) taxonomy.AddReach(w, _a);
        row.Reach = AppendSorted(_a, ints);

        // Held occupations first; desired titles recognised as occupations are added as wanted-only.
        _a.Clear();
        foreach (var o in p.Occupations)
        {
            var code = OccupationInt.Parse(o.Code);
            if (code == 0) continue;
            var grade = o.Grade is { } g && SkillGrade.IsValid(g) ? g : 0;
            _a.Add(PackedOccupation.Pack(code, grade));
        }
        // Someone who names no occupation is placed by what the desired titles say; otherwise exact names only.
        var placed = _a.Count > 0;
        foreach (var title in p.DesiredTitles)
        {
            var code = taxonomy.OccupationForTitle(title, normalize: !placed);
            if (code != 0 && !HasOccupation(_a, code)) _a.Add(PackedOccupation.Pack(code, PackedOccupation.Desired));
        }
        row.Occupations = ints.Append(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_a));

        // Written skills and the standard items they were recognised as: a candidate holds both.
        _a.Clear();
        foreach (var s in p.Skills) AddName(s, skills, _a);
        foreach (var s in p.SkillItems) AddName(s, skills, _a);
        row.Skills = AppendSorted(_a, ints);

        _a.Clear();
        foreach (var c in p.Certificates) AddName(c, certificates, _a);
        row.Certificates = AppendSorted(_a, ints);

        // Text relevance compares titles and occupation names; skills have their own exact, weighted feature.
        _b.Clear();
        foreach (var t in p.DesiredTitles) TextBigrams.Add(t, _b, MaxTitleBigrams);
        row.TitleBigrams = AppendSorted(_b, ints);
        foreach (var o in p.Occupations)
            if (taxonomy.OccupationName(OccupationInt.Parse(o.Code)) is { } name) TextBigrams.Add(name, _b, MaxBigrams);
        row.Bigrams = AppendSorted(_b, ints);
        return row;
    }

    public JobRow Encode(JobPosting j, Pool<int> ints, Pool<float> floats)
    {
        var row = new JobRow
        {
            Region = TaxonomyLookup.Int(j.CityCode),
            City = taxonomy.CityOf(j.CityCode),
            Occupation = OccupationInt.Parse(j.OccupationCode) is var code and not 0 ? code : taxonomy.OccupationForTitle(j.Title),
            MinGrade = (byte)(j.MinGrade is { } g && SkillGrade.IsValid(g) ? g : 0),
            EducationMin = (byte)(j.EducationMin is { } e ? (int)e : 0),
            ExperienceMin = (float)Math.Max(0, j.ExperienceMinYears ?? 0),
            PostedDay = j.PostedAt == default ? 0 : j.PostedAt.DayNumber,
            ExpiresDay = j.ExpiresAt?.DayNumber ?? int.MaxValue,
            Headcount = Math.Max(1, j.Headcount),
            Alive = j.Status == JobStatus.Open,
        };
        (row.SalaryMin, row.SalaryMax) = SalaryRange(j.SalaryMin, j.SalaryMax);

        _weighted.Clear();
        var stated = j.Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        if (stated.Count > 0)
        {
            // Weights that are missing or non-positive share equally with the rest.
            var total = stated.Sum(s => s.Weight > 0 ? s.Weight : 0);
            var fallback = total > 0 ? total / stated.Count : 1.0;
            // A written skill recognised as a standard item is compared as that item.
            foreach (var s in stated) _weighted.Add((NameId(ComparedName(s), skills), (float)(s.Weight > 0 ? s.Weight : fallback)));
        }
        else
        {
            var (names, weights) = taxonomy.StandardSkills(row.Occupation, row.MinGrade);
            for (var i = 0; i < names.Length; i++) _weighted.Add((NameId(names[i], skills), weights[i]));
            row.SkillsFromStandard = names.Length > 0;
        }
        // Sort by id, merge duplicates, normalise to a sum of 1.
        _weighted.Sort((x, y) => x.Id.CompareTo(y.Id));
        _a.Clear();
        var w = new List<float>(_weighted.Count);
        foreach (var (id, weight) in _weighted)
        {
            if (_a.Count > 0 && _a[^1] == id) { w[^1] += weight; continue; }
            _a.Add(id);
            w.Add(weight);
        }
        var sum = w.Sum();
        for (var i = 0; i < w.Count; i++) w[i] = sum > 0 ? w[i] / sum : 1f / w.Count;
        row.Skills = ints.Append(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_a));
        row.SkillWeights = floats.Append(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w));

        _a.Clear();
        foreach (var c in j.RequiredCertificates) AddName(c, certificates, _a);
        row.Certificates = AppendSorted(_a, ints);

        _b.Clear();
        TextBigrams.Add(j.Title, _b, MaxTitleBigrams);
        row.TitleBigrams = AppendSorted(_b, ints);
        if (taxonomy.OccupationName(row.Occupation) is { } occupationName) TextBigrams.Add(occupationName, _b, MaxBigrams);
        row.Bigrams = AppendSorted(_b, ints);
        return row;
    }

    private static string ComparedName(JobSkill s) => (string.IsNullOrWhiteSpace(s.StandardItem) ? s.Name : s.StandardItem).Trim();

    /// <summary>Standard item → the skill as written, for the job's written skills recognised as another name; null when none.</summary>
    public static IReadOnlyDictionary<string, string>? WrittenSkills(JobPosting j)
    {
        Dictionary<string, string>? written = null;
        foreach (var s in j.Skills)
        {
            if (string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.StandardItem)) continue;
            var (name, item) = (s.Name.Trim(), s.StandardItem.Trim());
            if (name == item) continue;
            written ??= new Dictionary<string, string>(StringComparer.Ordinal);
            written.TryAdd(item, name);
        }
        return written;
    }

    /// <summary>The name of a skill or certificate id, including the query-local ones.</summary>
    public static string Name(int id, Interner interner, List<string>? local) =>
        id >= 0 ? interner.Name(id) : local is not null && -id - 1 < local.Count ? local[-id - 1] : "?";

    private static bool HasOccupation(List<int> packed, int code)
    {
        foreach (var p in packed) if (PackedOccupation.Code(p) == code) return true;
        return false;
    }

    private static (int Min, int Max) SalaryRange(int? min, int? max)
    {
        var lo = Math.Max(0, min ?? 0);
        var hi = Math.Max(0, max ?? 0);
        if (lo == 0) lo = hi;
        if (hi < lo) hi = lo;
        return (lo, hi);
    }

    private void AddName(string? name, Interner interner, List<int> into)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        into.Add(NameId(name.Trim(), interner));
    }

    private int NameId(string name, Interner interner)
    {
        if (Intern) return interner.GetOrAdd(name);
        var id = interner.Find(name);
        if (id >= 0) return id;
        var local = LocalNames.IndexOf(name);
        if (local < 0) { LocalNames.Add(name); local = LocalNames.Count - 1; }
        return -local - 1;
    }

    private static Slice AppendSorted(List<int> values, Pool<int> ints)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        var n = TextBigrams.SortDistinct(span);
        return ints.Append(span[..n]);
    }
}
