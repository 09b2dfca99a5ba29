using BenchmarkDotNet.Attributes;
using Gongjiang.Market;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Bench;

/// <summary>
/// The engine's hot paths on a generated market of 100,000 seekers and 20,000 postings: the scoring loop alone
/// (per 10,000 records, so ns/record = mean / 10,000), and whole top-50 queries with reasons in both directions.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private MatchingEngine _engine = null!;
    private string[] _jobIds = [];
    private string[] _talentIds = [];
    private DateOnly _today;
    private MatchOptions _options = MatchOptions.Default;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var market = MarketGenerator.Generate(MarketSpec.Benchmark(seed: 7, talent: 100_000, jobs: 20_000), TaxonomyCatalog.Default);
        _today = market.Spec.EffectiveToday;
        _options = new MatchOptions { Today = _today };
        _engine = MatchingEngine.Build(TaxonomyCatalog.Default, market.Jobs, market.Talent);
        var rng = new Random(7);
        _jobIds = Enumerable.Range(0, 64).Select(_ => market.Jobs[rng.Next(market.JobCount)]).Where(j => j.IsOpenOn(_today)).Select(j => j.Id).ToArray();
        _talentIds = Enumerable.Range(0, 64).Select(_ => market.Talent[rng.Next(market.TalentCount)]).Where(t => t.IsActive).Select(t => t.Id).ToArray();
    }

    [Benchmark(Description = "score 10,000 records (filters + features + model)")]
    public float ScoreLoop() => _engine.ScoreRun(_jobIds[_next++ % _jobIds.Length], 0, 10_000, _today);

    [Benchmark(Description = "talent for a job, top 50 with reasons")]
    public int TalentForJob() => _engine.TalentForJob(_jobIds[_next++ % _jobIds.Length], 50, _options).Count;

    [Benchmark(Description = "jobs for a seeker, top 50 with reasons")]
    public int JobsForTalent() => _engine.JobsForTalent(_talentIds[_next++ % _talentIds.Length], 50, _options).Count;
}
