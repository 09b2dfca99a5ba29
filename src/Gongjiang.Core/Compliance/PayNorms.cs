using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Compliance;

/// <summary>Typical monthly pay (CNY) for an occupation in a city, used to spot bait pay (虚高薪酬).</summary>
public interface IPayNorms
{
    /// <summary>The median monthly pay for the occupation (x-xx-xx-xx, any level, or null when unknown) in the city
    /// (6-digit division code, any level); null when there is no norm to compare with.</summary>
    int? MonthlyMedian(string? occupationCode, string? cityCode);
}

/// <summary>City tiers by the pay level of their labour markets.</summary>
public static class CityTiers
{
    // Provincial capitals and the large manufacturing cities (prefecture codes, first four digits).
    private static readonly HashSet<string> Tier2Prefixes =
    [
        "1301", "1401", "1501", "2101", "2102", "2201", "2301", "3201", "3202", "3204", "3205", "3206", "3301", "3302",
        "3303", "3304", "3306", "3307", "3310", "3401", "3501", "3502", "3505", "3601", "3701", "3702", "3706", "4101",
        "4201", "4301", "4404", "4406", "4413", "4419", "4420", "4501", "4601", "5101", "5201", "5301", "5401", "6101",
        "6201", "6301", "6401", "6501",
    ];

    /// <summary>1 for 北京、上海、广州、深圳; 2 for 天津、重庆, provincial capitals and major cities; 3 elsewhere or unknown.</summary>
    public static int Of(string? regionCode)
    {
        if (regionCode is not { Length: 6 } || !regionCode.All(char.IsAsciiDigit)) return 3;
        var province = regionCode[..2];
        var city = regionCode[..4];
        if (province is "11" or "31" || city is "4401" or "4403") return 1;
        if (province is "12" or "50" || Tier2Prefixes.Contains(city)) return 2;
        return 3;
    }
}

/// <summary>
/// Built-in monthly medians per occupation major group (大类) and city tier — a conservative reference drawn from
/// public wage surveys of recent years, used when the platform has too few postings of its own to compare with.
/// </summary>
public sealed class DefaultPayNorms : IPayNorms
{
    public static DefaultPayNorms Instance { get; } = new();

    // [major group] = (tier 1, tier 2, tier 3); index 0 is "occupation unknown".
    private static readonly (int T1, int T2, int T3)[] Medians =
    [
        (9000, 6800, 5200),    // unknown occupation
        (25000, 16000, 11000), // 1 负责人
        (16000, 11000, 8000),  // 2 专业技术人员
        (8000, 6000, 4800),    // 3 办事人员和有关人员
        (7500, 5800, 4500),    // 4 社会生产服务和生活服务人员
        (6000, 4800, 4000),    // 5 农、林、牧、渔业生产及辅助人员
        (8500, 6500, 5200),    // 6 生产制造及有关人员
        (8000, 6000, 4800),    // 7 军队人员
        (8000, 6000, 4800),    // 8 不便分类的其他从业人员
    ];

    // Middle groups (中类) whose pay is far from their major group's.
    private static readonly Dictionary<string, (int T1, int T2, int T3)> MiddleGroups = new(StringComparer.Ordinal)
    {
        ["4-04"] = (16000, 11000, 8000), // 信息传输、软件和信息技术服务人员
        ["4-05"] = (12000, 8000, 6000),  // 金融服务人员
    };

    public int? MonthlyMedian(string? occupationCode, string? cityCode)
    {
        var major = occupationCode is { Length: > 0 } && occupationCode[0] is >= '1' and <= '8' ? occupationCode[0] - '0' : 0;
        var m = occupationCode is { Length: >= 4 } && MiddleGroups.TryGetValue(occupationCode[..4], out var middle) ? middle : Medians[major];
        return CityTiers.Of(cityCode) switch { 1 => m.T1, 2 => m.T2, _ => m.T3 };
    }
}

/// <summary>
/// Norms observed in a set of postings: the median of salary midpoints per occupation minor group (小类) × city,
/// where at least <see cref="MinimumSample"/> postings exist; otherwise the fallback's norm.
/// </summary>
public sealed class ObservedPayNorms : IPayNorms
{
    public const int MinimumSample = 8;

    private readonly Dictionary<(string Minor, string City), int> medians;
    private readonly IPayNorms fallback;

    private ObservedPayNorms(Dictionary<(string, string), int> medians, IPayNorms fallback)
    {
        this.medians = medians;
        this.fallback = fallback;
    }

    public int GroupCount => medians.Count;

    public static ObservedPayNorms FromPostings(IEnumerable<PostingForScreening> postings, IPayNorms? fallback = null,
        TaxonomyCatalog? catalog = null)
    {
        catalog ??= TaxonomyCatalog.Default;
        var samples = new Dictionary<(string, string), List<int>>();
        foreach (var p in postings)
        {
            if (!OccupationCode.IsWellFormed(p.OccupationCode) || Midpoint(p.SalaryMin, p.SalaryMax) is not { } mid) continue;
            if (catalog.CityOf(p.CityCode) is not { } city) continue;
            var key = (OccupationCode.Minor(p.OccupationCode!), city);
            if (!samples.TryGetValue(key, out var list)) samples[key] = list = [];
            list.Add(mid);
        }
        var medians = samples.Where(s => s.Value.Count >= MinimumSample).ToDictionary(s => s.Key, s => Median(s.Value));
        return new ObservedPayNorms(medians, fallback ?? DefaultPayNorms.Instance);
    }

    public int? MonthlyMedian(string? occupationCode, string? cityCode)
    {
        if (OccupationCode.IsWellFormed(occupationCode) && TaxonomyCatalog.Default.CityOf(cityCode) is { } city
            && medians.TryGetValue((OccupationCode.Minor(occupationCode!), city), out var median))
            return median;
        return fallback.MonthlyMedian(occupationCode, cityCode);
    }

    private static int? Midpoint(int? min, int? max) => (min, max) switch
    {
        ( > 0, > 0) => (min.Value + max.Value) / 2,
        ( > 0, _) => min,
        (_, > 0) => max,
        _ => null,
    };

    private static int Median(List<int> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
