namespace Gongjiang.Application.Catalogue;

/// <summary>The band of a listing: 一般 (general), 紧缺 (shortage), 非常紧缺 (severe shortage).</summary>
public enum ShortageBand { General = 0, Shortage, Severe }

public static class ShortageBands
{
    public static string ChineseName(ShortageBand band) => band switch
    {
        ShortageBand.Severe => "非常紧缺", ShortageBand.Shortage => "紧缺", _ => "一般",
    };
}

/// <summary>
/// The shortage index (紧缺指数) of the listings of one region: each indicator becomes a mid-rank percentile among the
/// region's listings (the count below plus half the count equal, over the count), and the index is 100 × the weighted
/// mean of the percentiles present (a missing indicator's weight is shared among the others). R is larger than any
/// finite ratio when S = 0. The band needs a positive gap as well as the index.
/// </summary>
public static class ShortageIndex
{
    public sealed record Indicators(double Demand, long Supply, double? MedianDaysToFill, double? SalaryChange)
    {
        public double Gap => Demand - Supply;

        /// <summary>R as published (rounded to 2 decimals), which the index ranks so that it can be reproduced from catalog.csv.</summary>
        public double? PublishedRatio { get; init; }

        /// <summary>R for ranking: +∞ when there is demand and no supply.</summary>
        public double RatioForRank => Supply == 0 ? double.PositiveInfinity : PublishedRatio ?? Demand / Supply;
    }

    public sealed record Scored(double Index, ShortageBand Band, double RatioPercentile, double GapPercentile,
        double? DaysPercentile, double? SalaryChangePercentile);

    public static IReadOnlyList<Scored> Score(IReadOnlyList<Indicators> rows, CatalogueMethod method)
    {
        var ratio = Percentiles(rows.Select(r => (double?)r.RatioForRank).ToList());
        var gap = Percentiles(rows.Select(r => (double?)r.Gap).ToList());
        var days = Percentiles(rows.Select(r => r.MedianDaysToFill).ToList());
        var pay = Percentiles(rows.Select(r => r.SalaryChange).ToList());
        var scored = new Scored[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            double sum = 0, weights = 0;
            void Add(double? p, double w) { if (p is { } v && w > 0) { sum += v * w; weights += w; } }
            Add(ratio[i], method.WeightRatio);
            Add(gap[i], method.WeightGap);
            Add(days[i], method.WeightDaysToFill);
            Add(pay[i], method.WeightSalaryChange);
            var index = weights > 0 ? Math.Round(100 * sum / weights, 1, MidpointRounding.AwayFromZero) : 0;
            var band = rows[i].Gap <= 0 ? ShortageBand.General
                : index >= method.CutSevere ? ShortageBand.Severe
                : index >= method.CutShortage ? ShortageBand.Shortage
                : ShortageBand.General;
            scored[i] = new Scored(index, band, ratio[i]!.Value, gap[i]!.Value, days[i], pay[i]);
        }
        return scored;
    }

    /// <summary>Mid-rank percentiles in [0, 1] of the values present; null where a value is missing.</summary>
    public static IReadOnlyList<double?> Percentiles(IReadOnlyList<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        var result = new double?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v) continue;
            var below = LowerBound(present, v);
            var equal = UpperBound(present, v) - below;
            result[i] = (below + 0.5 * equal) / present.Length;
        }
        return result;
    }

    private static int LowerBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] < v) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int UpperBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] <= v) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
