namespace Gongjiang.Application.Catalogue;

/// <summary>
/// One listing of the catalogue: an occupation (or group) in a region, with the indicator values behind its index
/// (the columns of catalog.csv, docs/formats.md) and what the page shows besides.
/// </summary>
public sealed record CatalogueListing(
    string Period, int Rank, string OccupationCode, string OccupationName, string Region,
    double Demand, long Supply, double? Ratio, double Gap, double? MedianDaysToFill, double? FillRate,
    double? SalaryMedian, double? SalaryChange, double Index, ShortageBand Band, int? PreviousRank,
    IReadOnlyList<string> TypicalCities)
{
    /// <summary>The part of <see cref="Demand"/> that came from employer demand surveys (already weighted).</summary>
    public double SurveyDemand { get; init; }
    /// <summary>95% bootstrap interval of R (employers resampled); null when S = 0.</summary>
    public RatioBootstrap.Interval? RatioInterval { get; init; }
    public double? ApplicationsPerOpening { get; init; }
    /// <summary>The minimum education most postings ask for (file name such as <c>associate</c>; empty: none stated).</summary>
    public string? TypicalEducation { get; init; }
    public double? MedianExperienceYears { get; init; }
    public long Postings { get; init; }
    public string Definition { get; init; } = "";
    /// <summary>Change of rank on the previous quarter (positive: moved up); null when new.</summary>
    public int? RankChange => PreviousRank is { } p ? p - Rank : null;
}

/// <summary>A built catalogue: its listings ordered by region, then rank.</summary>
public sealed record ShortageCatalogue(Quarter Period, RegionLevel Region, OccupationLevel Level, string? Cluster,
    CatalogueMethod Method, IReadOnlyList<CatalogueListing> Listings)
{
    public double TotalDemand => Listings.Sum(l => l.Demand);
    public double TotalSurveyDemand => Listings.Sum(l => l.SurveyDemand);
    /// <summary>The share of V that came from surveys.</summary>
    public double SurveyShare => TotalDemand > 0 ? TotalSurveyDemand / TotalDemand : 0;

    public static string RegionName(RegionLevel level) => level switch { RegionLevel.Province => "province", RegionLevel.City => "city", _ => "zone" };

    public static string LevelName(OccupationLevel level) => level switch { OccupationLevel.Minor => "minor", OccupationLevel.Middle => "middle", _ => "occupation" };

    public static bool TryParseRegion(string? text, out RegionLevel level)
    {
        level = text switch { null or "" or "zone" => RegionLevel.Zone, "province" => RegionLevel.Province, "city" => RegionLevel.City, _ => (RegionLevel)(-1) };
        return level >= 0;
    }

    public static bool TryParseLevel(string? text, out OccupationLevel level)
    {
        level = text switch { null or "" or "occupation" => OccupationLevel.Occupation, "minor" => OccupationLevel.Minor, "middle" => OccupationLevel.Middle, _ => (OccupationLevel)(-1) };
        return level >= 0;
    }
}
