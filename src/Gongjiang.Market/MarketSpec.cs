namespace Gongjiang.Market;

/// <summary>
/// What market to generate. The same spec and catalog always give the same market.
/// <paramref name="ZoneCityCode"/> is the prefecture-level city of the zone (370200 = 青岛市);
/// <paramref name="Today"/> anchors posting dates and ages (default 2026-07-01, never the clock).
/// <paramref name="CodelessJobShare"/> and <paramref name="CodelessTalentShare"/> are the shares of postings and profiles
/// published without their occupation code (title only, as most real postings and résumés are): a posting then has no
/// <c>occupation_code</c>, a profile no <c>occupations</c> (its grade shows only in its certificates and résumé text).
/// </summary>
public sealed record MarketSpec(int Employers, int Jobs, int Talent, int Seed, string ZoneCityCode = "370200", DateOnly Today = default,
    double CodelessJobShare = 0, double CodelessTalentShare = 0)
{
    public static readonly DateOnly DefaultToday = new(2026, 7, 1);

    public DateOnly EffectiveToday => Today == default ? DefaultToday : Today;

    /// <summary>The demo zone (演示园区) seeded on first start.</summary>
    public static MarketSpec Demo(int seed = 20260701) => new(320, 3_200, 20_000, seed);

    /// <summary>The matching benchmark's market.</summary>
    /// <summary>The matching benchmark's market: 45% of postings and 30% of profiles without their occupation code.</summary>
    public static MarketSpec Benchmark(int seed, int talent = 1_000_000, int jobs = 200_000) =>
        new(Math.Max(300, jobs / 40), jobs, talent, seed, CodelessJobShare: 0.45, CodelessTalentShare: 0.3);
}
