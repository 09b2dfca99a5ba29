using System.Globalization;

namespace Gongjiang.Application.Catalogue;

/// <summary>catalog.csv (docs/formats.md, "The shortage catalogue"): its columns and how each value is written.</summary>
public static class CatalogueFile
{
    public static readonly string[] Header =
    [
        "period", "rank", "occupation_code", "occupation_name", "region", "demand", "supply", "ratio", "gap", "median_days_to_fill",
        "fill_rate", "salary_median", "salary_change", "index", "band", "previous_rank", "typical_cities",
    ];

    public static string[] Cells(CatalogueListing l) =>
    [
        l.Period, Int(l.Rank), l.OccupationCode, l.OccupationName, l.Region, Number(l.Demand), Int(l.Supply),
        Fixed(l.Ratio, "0.00"), Number(l.Gap), Number(l.MedianDaysToFill), Fixed(l.FillRate, "0.000"), Number(l.SalaryMedian),
        Fixed(l.SalaryChange, "0.000"), Fixed(l.Index, "0.0"), ShortageBands.ChineseName(l.Band), l.PreviousRank is { } p ? Int(p) : "",
        string.Join(';', l.TypicalCities),
    ];

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static string Fixed(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
