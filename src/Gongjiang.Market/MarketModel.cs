using System.Text.RegularExpressions;
using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Market;

/// <summary>One skill of an occupation's vocabulary: a national-standard item (weighted per grade) or a practical keyword.</summary>
internal sealed record SkillTerm(string Name, float[] WeightByGrade, bool FromStandard);

/// <summary>An occupation as the generator uses it, resolved against the catalog.</summary>
internal sealed class OccupationModel
{
    public const float KeywordWeight = 0.12f;

    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int MinorGroup { get; init; }
    public required PayTier Tier { get; init; }
    public required double Demand { get; init; }
    public required double Supply { get; init; }
    public required bool[] Clusters { get; init; }
    public required string[] Titles { get; init; }
    public required string? Certificate { get; init; }
    public required double FemaleShare { get; init; }
    public required double PayFactor { get; init; }
    public required SkillTerm[] Terms { get; init; }
    /// <summary>Grades the national standard defines (5…1); empty for ungraded occupations.</summary>
    public required int[] Grades { get; init; }
    /// <summary>Bit masks of <see cref="Terms"/> per grade (index 1…5), standard items only.</summary>
    public required ulong[] GradeMask { get; init; }
    public required ulong KeywordMask { get; init; }
    public required string[] Tasks { get; init; }
    /// <summary>Linked majors per education level (index by <see cref="EducationLevel"/>).</summary>
    public required string[][] Majors { get; init; }

    public bool IsGraded => Grades.Length > 0;

    /// <summary>"职业技能等级证书(焊工 三级)" per grade (index 1…5), shared by every profile that holds it.</summary>
    public string[] GradeCertificates => _gradeCertificates ??=
        Enumerable.Range(0, 6).Select(g => g is >= 1 and <= 5 ? $"职业技能等级证书({Name} {SkillGrade.ShortChineseName(g)})" : "").ToArray();

    private string[]? _gradeCertificates;

    public float Weight(int term, int grade)
    {
        var w = grade is >= 1 and <= 5 ? Terms[term].WeightByGrade[grade] : 0f;
        return w > 0 ? w : KeywordWeight;
    }

    /// <summary>The defined grade closest to <paramref name="grade"/>.</summary>
    public int Snap(int grade)
    {
        var best = Grades[0];
        foreach (var g in Grades) if (Math.Abs(g - grade) < Math.Abs(best - grade)) best = g;
        return best;
    }
}

/// <summary>Where generated employers and people are: districts of the zone's city, its province, and manufacturing hubs elsewhere.</summary>
internal sealed class Geography
{
    public required string[] Districts { get; init; }
    public required short[] DistrictCity { get; init; }
    public required string[] Cities { get; init; }
    public required double[] CityPayFactor { get; init; }
    public required int[][] DistrictsOfCity { get; init; }
    public required short ZoneCity { get; init; }
    public required double[] ZoneDistrictCumulative { get; init; }
    public required int[] ZoneDistricts { get; init; }
    public required short[] ProvinceCities { get; init; }
    public required double[] ProvinceCumulative { get; init; }
    public required short[] HubCities { get; init; }
    public required double[] HubCumulative { get; init; }

    public int PickDistrict(ref MarketRandom rng, short city)
    {
        if (city == ZoneCity) return ZoneDistricts[rng.PickCumulative(ZoneDistrictCumulative)];
        var list = DistrictsOfCity[city];
        return list[rng.Next(list.Length)];
    }

    public short PickProvinceCity(ref MarketRandom rng) =>
        ProvinceCities.Length == 0 ? ZoneCity : ProvinceCities[rng.PickCumulative(ProvinceCumulative)];

    public short PickHubCity(ref MarketRandom rng) => HubCities[rng.PickCumulative(HubCumulative)];
}

/// <summary>The catalog-resolved tables a market is drawn from; built once per generation.</summary>
internal sealed partial class MarketModel
{
    public required TaxonomyCatalog Catalog { get; init; }
    public required OccupationModel[] Occupations { get; init; }
    public required int[][] OccupationsByMinorGroup { get; init; }
    /// <summary>Cumulative demand per industry cluster (index in <see cref="IndustryClusters.All"/>).</summary>
    public required double[][] DemandByCluster { get; init; }
    public required double[] SupplyCumulative { get; init; }
    public required Geography Geography { get; init; }

    // Standards whose items belong to another trade than the one the platform hires for (质检员's standard is the timber one).
    private static readonly HashSet<string> StandardsNotUsed = ["6-31-03-05"];

    private static readonly Dictionary<string, string[]> UndergraduateMajors = new(StringComparer.Ordinal)
    {
        ["2-02-07"] = ["080202", "080201", "080204", "080213T", "080203"],
        ["2-02-05"] = ["080405", "080401", "080203"],
        ["2-02-06"] = ["081301", "081304T", "080403"],
        ["2-02-08"] = ["082001", "080202", "080416T"],
        ["2-02-09"] = ["080701", "080702", "080704", "080421T"],
        ["2-02-10"] = ["080901", "080902", "080701"],
        ["2-02-11"] = ["080601", "080604T", "080503T"],
        ["2-02-31"] = ["080202", "080701", "080401"],
        ["2-02-32"] = ["081302", "100701", "083001"],
        ["2-02-38-01"] = ["080717T", "080901", "080902"],
        ["2-02-38-05"] = ["080213T", "080801", "080202"],
        ["2-02-38-09"] = ["080710T", "080704", "080709T"],
        ["2-02-38-10"] = ["080803T", "080801", "080204"],
        ["4-04"] = ["080901", "080902", "080717T", "080905"],
    };

    [GeneratedRegex(@"(?:^|\s)\d{1,2}[\.．、]")]
    private static partial Regex TaskNumber();

    public static MarketModel Build(TaxonomyCatalog catalog, string zoneCityCode)
    {
        var seeds = new List<OccupationSeed>();
        foreach (var s in OccupationSeeds.Curated)
            if (catalog.FindOccupation(s.Code) is not null) seeds.Add(s);
        var curatedCodes = seeds.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

        // The tail: other graded occupations of the zone's industries whose national standard matches the catalog entry.
        var tail = catalog.SkillItemsByOccupation
            .Where(p => !curatedCodes.Contains(p.Key) && TailClusters(p.Key) is not null
                && catalog.FindOccupation(p.Key) is { Level: 4 } o && SameName(o.Name, p.Value[0].OccupationName)
                && p.Value.Count(i => i.Grade is not null) >= 8)
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var curatedDemand = seeds.Sum(s => s.Demand);
        var curatedSupply = seeds.Sum(s => s.Supply);
        var tailDemand = tail.Count == 0 ? 0 : curatedDemand * OccupationSeeds.TailShare / tail.Count;
        var tailSupply = tail.Count == 0 ? 0 : curatedSupply * OccupationSeeds.TailShare / tail.Count;
        foreach (var code in tail)
        {
            var name = DisplayName(catalog.FindOccupation(code)!.Name);
            string[] titles = name.EndsWith('工') && name.Length > 2 ? [name, name[..^1] + "技工"] : [name];
            var tier = code.StartsWith("4-04", StringComparison.Ordinal) ? PayTier.Technician : PayTier.Skilled;
            seeds.Add(new OccupationSeed(code, tier, tailDemand, tailSupply, TailClusters(code)!, titles, [], null, 0.3, 0.95));
        }

        var minorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var models = new OccupationModel[seeds.Count];
        for (var i = 0; i < seeds.Count; i++)
        {
            var s = seeds[i];
            var occupation = catalog.FindOccupation(s.Code)!;
            var minor = OccupationCode.Minor(s.Code);
            if (!minorIndex.TryGetValue(minor, out var mi)) minorIndex[minor] = mi = minorIndex.Count;
            models[i] = BuildOccupation(catalog, i, mi, s, occupation);
        }

        var byMinor = new List<int>[minorIndex.Count];
        for (var i = 0; i < byMinor.Length; i++) byMinor[i] = [];
        foreach (var m in models) byMinor[m.MinorGroup].Add(m.Index);

        var demandByCluster = new double[IndustryClusters.All.Count][];
        for (var c = 0; c < demandByCluster.Length; c++)
            demandByCluster[c] = MarketRandom.Cumulative(models.Select(m => m.Clusters[c] ? m.Demand : 0));

        return new MarketModel
        {
            Catalog = catalog,
            Occupations = models,
            OccupationsByMinorGroup = byMinor.Select(l => l.ToArray()).ToArray(),
            DemandByCluster = demandByCluster,
            SupplyCumulative = MarketRandom.Cumulative(models.Select(m => m.Supply)),
            Geography = BuildGeography(catalog, zoneCityCode),
        };
    }

    /// <summary>The clusters that hire a tail occupation, by its middle group; null when the zone does not hire it.</summary>
    private static string? TailClusters(string code) => code[..4] switch
    {
        "6-11" or "6-15" or "6-17" => "新材料,新能源",
        "6-12" => "生物医药",
        "6-18" or "6-19" or "6-20" or "6-21" or "6-22" or "6-23" => "智能制造,航空航天,机器人",
        "6-24" => "新能源,智能制造",
        "6-25" or "6-26" => "电子信息,集成电路",
        "6-28" => "新能源",
        "6-31" => "*",
        "4-04" => "电子信息,人工智能",
        _ => code.StartsWith("4-08-05", StringComparison.Ordinal) ? "*" : null,
    };

    public static string DisplayName(string name) => name.TrimEnd('L', 'S', '/');

    private static bool SameName(string catalogName, string standardName) =>
        DisplayName(catalogName) == DisplayName(standardName.Trim());

    private static OccupationModel BuildOccupation(TaxonomyCatalog catalog, int index, int minorGroup, OccupationSeed s, Occupation occupation)
    {
        var terms = new List<SkillTerm>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var gradeMask = new ulong[6];
        var grades = new SortedSet<int>();
        if (!StandardsNotUsed.Contains(s.Code) && catalog.SkillItemsByOccupation.TryGetValue(s.Code, out var items)
            && SameName(occupation.Name, items[0].OccupationName))
        {
            foreach (var item in items.Where(i => i.Grade is not null).OrderBy(i => -i.Grade!.Value).ThenBy(i => i.Name, StringComparer.Ordinal))
            {
                var g = item.Grade!.Value;
                grades.Add(g);
                if (!byName.TryGetValue(item.Name, out var t))
                {
                    if (terms.Count >= 48) continue;
                    byName[item.Name] = t = terms.Count;
                    terms.Add(new SkillTerm(item.Name, new float[6], true));
                }
                terms[t].WeightByGrade[g] = (float)((item.WeightPercent ?? 20) / 100.0);
                gradeMask[g] |= 1UL << t;
            }
        }
        // Graded trades without a usable standard still carry the national grades (5…1).
        if (grades.Count == 0 && s.Tier is PayTier.Operator or PayTier.Skilled) foreach (var g in new[] { 1, 2, 3, 4, 5 }) grades.Add(g);
        if (grades.Count == 0 && s.Tier == PayTier.Technician) foreach (var g in new[] { 1, 2, 3, 4 }) grades.Add(g);
        ulong keywordMask = 0;
        foreach (var k in s.Keywords)
        {
            if (terms.Count >= 64 || byName.ContainsKey(k)) continue;
            byName[k] = terms.Count;
            keywordMask |= 1UL << terms.Count;
            terms.Add(new SkillTerm(k, new float[6], false));
        }

        var tasks = TaskNumber().Split(occupation.Tasks ?? "")
            .Select(t => t.Trim().TrimEnd('。', '；', ';', '，'))
            .Where(t => t.Length is > 4 and < 80 && !MarketText.HasProtectedWording(t))
            .ToArray();
        if (tasks.Length == 0 && occupation.Definition.Length > 0) tasks = [occupation.Definition.TrimEnd('。')];

        return new OccupationModel
        {
            Index = index,
            Code = s.Code,
            Name = DisplayName(occupation.Name),
            MinorGroup = minorGroup,
            Tier = s.Tier,
            Demand = s.Demand,
            Supply = s.Supply,
            Clusters = IndustryClusters.All.Select(c => s.Clusters == "*" || s.Clusters.Split(',').Contains(c)).ToArray(),
            Titles = s.Titles,
            Certificate = s.Certificate,
            FemaleShare = s.FemaleShare,
            PayFactor = s.PayFactor,
            Terms = terms.ToArray(),
            Grades = grades.Reverse().ToArray(),
            GradeMask = gradeMask,
            KeywordMask = keywordMask,
            Tasks = tasks,
            Majors = MajorsFor(catalog, s.Code),
        };
    }

    private static string[][] MajorsFor(TaxonomyCatalog catalog, string code)
    {
        var result = new string[8][];
        for (var i = 0; i < result.Length; i++) result[i] = [];
        IEnumerable<MajorOccupationLink> links = catalog.MajorLinksByOccupation.TryGetValue(code, out var own) ? own : [];
        // Occupations without official links borrow their minor group's, then their middle group's.
        if (!links.Any())
            links = catalog.MajorLinks.Where(l => l.OccupationCode.StartsWith(OccupationCode.Minor(code), StringComparison.Ordinal)).ToArray();
        if (!links.Any())
            links = catalog.MajorLinks.Where(l => l.OccupationCode.StartsWith(OccupationCode.Middle(code), StringComparison.Ordinal)).ToArray();
        string[] At(string level) => links.Where(l => l.MajorLevel == level && catalog.MajorsByCode.ContainsKey(l.MajorCode))
            .Select(l => l.MajorCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        var secondary = At("中等职业教育");
        var associate = At("高等职业教育专科");
        var vocBachelor = At("高等职业教育本科");
        var ug = UndergraduateMajors.Where(p => code.StartsWith(p.Key, StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value).FirstOrDefault() ?? [];
        ug = ug.Where(catalog.MajorsByCode.ContainsKey).ToArray();
        result[(int)EducationLevel.SecondaryVocational] = secondary.Length > 0 ? secondary : associate;
        result[(int)EducationLevel.Associate] = associate.Length > 0 ? associate : secondary;
        var bachelor = ug.Concat(vocBachelor).ToArray();
        result[(int)EducationLevel.Bachelor] = bachelor.Length > 0 ? bachelor : associate;
        result[(int)EducationLevel.Master] = ug.Length > 0 ? ug : result[(int)EducationLevel.Bachelor];
        result[(int)EducationLevel.Doctor] = result[(int)EducationLevel.Master];
        return result;
    }

    // Manufacturing districts of 青岛 carry most of its factory jobs (西海岸新区/黄岛, 城阳, 即墨, 胶州).
    private static readonly Dictionary<string, double> QingdaoDistrictWeights = new(StringComparer.Ordinal)
    {
        ["370211"] = 30, ["370214"] = 18, ["370282"] = 14, ["370281"] = 12, ["370213"] = 8, ["370212"] = 8,
        ["370203"] = 4, ["370202"] = 3, ["370283"] = 2, ["370285"] = 2,
    };

    // Manufacturing hubs that send and receive skilled labour across provinces.
    private static readonly (string City, double Weight, double Pay)[] Hubs =
    [
        ("320500", 8, 1.2), ("440300", 8, 1.3), ("441900", 6, 1.1), ("310000", 7, 1.35), ("120000", 5, 1.1), ("340100", 5, 1.05),
        ("510100", 5, 1.05), ("610100", 4, 1.0), ("420100", 5, 1.05), ("430100", 4, 1.0), ("410100", 5, 0.95), ("320100", 5, 1.15),
        ("330200", 4, 1.15), ("330100", 4, 1.2), ("110000", 4, 1.35), ("210200", 3, 1.0), ("320200", 4, 1.15), ("130100", 3, 0.9),
        ("500000", 4, 1.0), ("440100", 5, 1.2), ("350200", 3, 1.1), ("220100", 2, 0.9), ("140100", 2, 0.85), ("360100", 2, 0.9),
    ];

    private static Geography BuildGeography(TaxonomyCatalog catalog, string zoneCityCode)
    {
        var zone = catalog.FindRegion(zoneCityCode) ?? throw new ArgumentException($"Unknown zone city code {zoneCityCode}.", nameof(zoneCityCode));
        var zoneCity = catalog.CityOf(zone.Code)!;
        var province = zoneCity[..2] + "0000";

        // District lists per city, in code order.
        var districtsByCity = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in catalog.Regions.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            if (r.Depth < 2) continue;
            var city = catalog.CityOf(r.Code);
            if (city is null || city == r.Code) continue;
            if (!districtsByCity.TryGetValue(city, out var list)) districtsByCity[city] = list = [];
            list.Add(r.Code);
        }

        var cities = new List<string>();
        var pay = new List<double>();
        short AddCity(string code, double payFactor)
        {
            var i = cities.IndexOf(code);
            if (i >= 0) return (short)i;
            cities.Add(code);
            pay.Add(payFactor);
            return (short)(cities.Count - 1);
        }

        var zoneIndex = AddCity(zoneCity, 1.0);
        var provinceCities = catalog.Regions
            .Where(r => r.Depth == 2 && r.ParentCode == province && r.Code != zoneCity && districtsByCity.ContainsKey(r.Code))
            .Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        var provinceIdx = provinceCities.Select(c => AddCity(c, 0.9)).ToArray();
        var hubs = Hubs.Where(h => h.City[..2] != zoneCity[..2] && districtsByCity.ContainsKey(h.City)).ToArray();
        var hubIdx = hubs.Select(h => AddCity(h.City, h.Pay)).ToArray();

        var districts = new List<string>();
        var districtCity = new List<short>();
        var ofCity = new int[cities.Count][];
        for (short c = 0; c < cities.Count; c++)
        {
            var list = districtsByCity.TryGetValue(cities[c], out var l) ? l : [cities[c]];
            ofCity[c] = list.Select(d => { districts.Add(d); districtCity.Add(c); return districts.Count - 1; }).ToArray();
        }

        var zoneDistricts = ofCity[zoneIndex];
        var zoneWeights = zoneDistricts.Select(d => QingdaoDistrictWeights.GetValueOrDefault(districts[d], zoneCity == "370200" ? 0.5 : 1.0));
        return new Geography
        {
            Districts = districts.ToArray(),
            DistrictCity = districtCity.ToArray(),
            Cities = cities.ToArray(),
            CityPayFactor = pay.ToArray(),
            DistrictsOfCity = ofCity,
            ZoneCity = zoneIndex,
            ZoneDistricts = zoneDistricts,
            ZoneDistrictCumulative = MarketRandom.Cumulative(zoneWeights),
            ProvinceCities = provinceIdx,
            // Larger neighbours (the provincial capital and nearby industrial cities) send more people.
            ProvinceCumulative = MarketRandom.Cumulative(provinceIdx.Select(i => (double)districtsByCity[cities[i]].Count)),
            HubCities = hubIdx,
            HubCumulative = MarketRandom.Cumulative(hubs.Select(h => h.Weight)),
        };
    }
}
