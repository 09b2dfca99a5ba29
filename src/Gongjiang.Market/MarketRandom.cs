namespace Gongjiang.Market;

/// <summary>
/// SplitMix64: small, fast and identical on every platform and runtime, so a seed always gives the same market.
/// Each entity draws from its own stream (seed, stream, index), which keeps generation order-free and parallel.
/// </summary>
internal struct MarketRandom
{
    private ulong _state;

    public MarketRandom(ulong state) => _state = state;

    public static MarketRandom For(int seed, int stream, long index) =>
        new(Mix(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stream * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)index));

    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextULong() >> 33) * (ulong)max >> 31);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Roughly normal (sum of uniforms), mean 0, deviation 1.</summary>
    public double NextGaussian() =>
        (NextDouble() + NextDouble() + NextDouble() + NextDouble() + NextDouble() + NextDouble() - 3.0) * 1.4142135623730951;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index drawn from a cumulative weight table (last entry = total).</summary>
    public int PickCumulative(double[] cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        if (i < 0) i = ~i;
        return Math.Min(i, cumulative.Length - 1);
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var sum = 0.0;
        foreach (var w in weights) { sum += Math.Max(0, w); list.Add(sum); }
        return list.ToArray();
    }
}
