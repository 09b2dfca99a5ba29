using Gongjiang.Benchmarking;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Market;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Tests.Benchmarking;

/// <summary>The benchmark's Lucene baseline answers from the same candidates as the engine: its hard filters are the engine's.</summary>
public sealed class LuceneBaselineTests : IDisposable
{
    private readonly SyntheticMarket _market = MarketGenerator.Generate(MarketSpec.Benchmark(11, talent: 1_200, jobs: 240), TaxonomyCatalog.Default);
    private readonly MatchingEngine _engine;
    private readonly LuceneBaseline _lucene = new(TaxonomyCatalog.Default);
    private readonly DateOnly _today;

    public LuceneBaselineTests()
    {
        _today = _market.Spec.EffectiveToday;
        _engine = MatchingEngine.Build(TaxonomyCatalog.Default, _market.Jobs, _market.Talent);
        _lucene.Build(_market.Jobs, _market.Talent);
    }

    [Fact]
    public void Every_open_job_has_the_same_candidate_talent_in_both()
    {
        var options = new MatchOptions { Today = _today, WithReasons = false };
        var narrowed = 0;
        foreach (var job in _market.Jobs.Where(j => j.IsOpenOn(_today)))
        {
            var engine = _market.Talent.Where(t => _engine.Explain(job.Id, t.Id, options) is not null).Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
            var lucene = _lucene.CandidateTalent(job).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(engine, lucene);
            if (engine.Count > 0 && engine.Count < _market.Talent.Count / 10) narrowed++;
        }
        // The filters do work: most jobs keep a small share of the market.
        Assert.True(narrowed > 50, $"only {narrowed} jobs with a narrowed candidate set");
    }

    [Fact]
    public void Every_seeker_has_the_same_candidate_jobs_in_both()
    {
        var options = new MatchOptions { Today = _today, WithReasons = false };
        var open = _market.Jobs.Where(j => j.IsOpenOn(_today)).ToList();
        foreach (var talent in _market.Talent.Where((_, i) => i % 4 == 0))
        {
            var engine = open.Where(j => _engine.Explain(j.Id, talent.Id, options) is not null).Select(j => j.Id).Order(StringComparer.Ordinal).ToList();
            var lucene = _lucene.CandidateJobs(talent, _today).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(engine, lucene);
        }
    }

    [Fact]
    public void Ranked_results_come_from_the_candidates_and_fill_the_top_k_when_there_are_enough()
    {
        foreach (var job in _market.Jobs.Where(j => j.IsOpenOn(_today)).Take(40))
        {
            var candidates = _lucene.CandidateTalent(job).ToHashSet(StringComparer.Ordinal);
            var ranked = _lucene.TalentForJob(job, BenchMatching.Top);
            Assert.All(ranked, id => Assert.Contains(id, candidates));
            Assert.Equal(Math.Min(BenchMatching.Top, candidates.Count), ranked.Count);
        }
    }

    public void Dispose() => _lucene.Dispose();
}
