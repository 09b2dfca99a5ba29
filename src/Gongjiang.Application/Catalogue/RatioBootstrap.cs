namespace Gongjiang.Application.Catalogue;

/// <summary>
/// A 95% interval for R = V ÷ S by resampling employers (a Poisson bootstrap: in each replicate every employer counts
/// Poisson(1) times, the same draw in every listing, so listings move together as the zone's employers do). Supply is
/// held fixed: the seekers are a census, the employers' postings a sample of their needs.
/// </summary>
public static class RatioBootstrap
{
    public sealed record Interval(double Low, double High);

    public static Dictionary<CellKey, Interval> Intervals(IEnumerable<(CellKey Cell, string Employer, double Demand)> demand,
        IReadOnlyDictionary<CellKey, long> supply, int replicates, int seed)
    {
        var result = new Dictionary<CellKey, Interval>();
        if (replicates <= 0) return result;
        var sums = new Dictionary<CellKey, double[]>();
        foreach (var (cell, employer, v) in demand)
        {
            if (supply.GetValueOrDefault(cell) <= 0) continue;
            if (!sums.TryGetValue(cell, out var s)) sums[cell] = s = new double[replicates];
            var employerSeed = StableHash(employer) ^ seed;
            for (var b = 0; b < replicates; b++) s[b] += v * Poisson1(employerSeed, b);
        }
        foreach (var (cell, s) in sums)
        {
            var n = (double)supply[cell];
            var ratios = s.Select(x => x / n).Order().ToArray();
            result[cell] = new Interval(Quantile(ratios, 0.025), Quantile(ratios, 0.975));
        }
        return result;
    }

    /// <summary>Linear interpolation between order statistics (type 7).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>A Poisson(1) count drawn from a hash of (employer, replicate): reproducible on any machine.</summary>
    private static int Poisson1(int employerSeed, int replicate)
    {
        var u = ToUnit(Mix((ulong)(uint)employerSeed << 32 | (uint)replicate));
        // Inverse CDF of Poisson(1): P(0)=P(1)=e^-1, P(2)=e^-1/2, …
        double p = Math.Exp(-1), cdf = p;
        var k = 0;
        while (u > cdf && k < 20) { k++; p /= k; cdf += p; }
        return k;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in text) h = (h ^ c) * 16777619;
            return h;
        }
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double ToUnit(ulong x) => (x >> 11) * (1.0 / (1UL << 53));
}
