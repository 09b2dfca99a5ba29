using System.Diagnostics;
using Gongjiang.Core.Jobs;
using Gongjiang.Market;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;
using Gongjiang.Matching.Ranking;

namespace Gongjiang.Benchmarking;

/// <summary>
/// The matching benchmark (<c>bench matching</c>): one generated market, the same queries through the engine and
/// through the Lucene baseline, one after the other in one process. Queries are single-threaded and sequential,
/// half job→talent and half talent→job, top 50; ndcg@10 is measured against the generator's ground truth.
/// </summary>
public static class BenchMatching
{
    public const int Top = 50;
    private const int WarmUpQueries = 30;

    private readonly record struct BenchQuery(bool ForJob, int Index, double IdealDcg);

    public static BenchReport Run(int talent, int jobs, int queries, int seed, Action<string>? log = null, bool baseline = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(talent);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queries);
        log ??= _ => { };
        var catalog = TaxonomyCatalog.Default;
        var clock = Stopwatch.StartNew();

        var market = MarketGenerator.Generate(MarketSpec.Benchmark(seed, talent, jobs), catalog);
        var jobList = market.Jobs;
        var talentList = market.Talent;
        var today = market.Spec.EffectiveToday;
        log($"market: {jobList.Count:N0} jobs, {talentList.Count:N0} talent ({clock.Elapsed.TotalSeconds:0.0} s)");

        var plan = Plan(market, jobList, talentList, queries, seed, today);
        log($"queries: {plan.Length:N0}, {plan.Count(q => q.IdealDcg > 0):N0} with relevant results ({clock.Elapsed.TotalSeconds:0.0} s)");

        var (gongjiang, learned, ranker) = RunGongjiang(market, catalog, jobList, talentList, plan, today, seed, log);
        log($"gongjiang: {gongjiang} ({clock.Elapsed.TotalSeconds:0.0} s)");
        log($"gongjiang with the learned ranker: {learned} ({clock.Elapsed.TotalSeconds:0.0} s)");
        var lucene = baseline ? RunLucene(market, catalog, jobList, talentList, plan, today, log) : new SystemFigures(0, 0, 0, 0, 0, 0);
        log($"lucene: {lucene} ({clock.Elapsed.TotalSeconds:0.0} s)");

        return new BenchReport(talent, jobs, queries, Environment.ProcessorCount, gongjiang, lucene, seed, learned, ranker);
    }

    /// <summary>The outcomes the ranker learns from are simulated with the market's seed plus this.</summary>
    public const int OutcomeSeedOffset = 1000;

    private static (SystemFigures Hand, SystemFigures Learned, RankerFigures Ranker) RunGongjiang(SyntheticMarket market, TaxonomyCatalog catalog,
        IReadOnlyList<JobPosting> jobList, IReadOnlyList<TalentProfile> talentList, BenchQuery[] plan, DateOnly today, int seed, Action<string> log)
    {
        var before = Settle();
        var build = Stopwatch.StartNew();
        var engine = MatchingEngine.Build(catalog, jobList, talentList);
        var buildSeconds = build.Elapsed.TotalSeconds;
        var memoryMb = (Settle() - before) / 1048576.0;
        log($"gongjiang index: {buildSeconds:0.0} s, {memoryMb:0} MB");

        var options = new MatchOptions { Today = today, WithReasons = true };
        var scoredBefore = QueryScratch.Current.Scored;
        var figures = Measure(market, plan, q =>
        {
            if (q.ForJob)
            {
                var results = engine.TalentForJob(jobList[q.Index].Id, Top, options);
                return results.Select(r => r.TalentId).ToList();
            }
            return engine.JobsForTalent(talentList[q.Index].Id, Top, options).Select(r => r.JobId).ToList();
        }, buildSeconds, memoryMb, log);
        log($"gongjiang candidates scored per query: {(QueryScratch.Current.Scored - scoredBefore) / (double)(plan.Length + Math.Min(WarmUpQueries, plan.Length)):N0}");

        var (model, ranker) = TrainRanker(market, engine, seed + OutcomeSeedOffset, log);
        var learnedOptions = options with { Reranker = model };
        var learned = Measure(market, plan, q => q.ForJob
            ? engine.TalentForJob(jobList[q.Index].Id, Top, learnedOptions).Select(r => r.TalentId).ToList()
            : engine.JobsForTalent(talentList[q.Index].Id, Top, learnedOptions).Select(r => r.JobId).ToList(), buildSeconds, memoryMb, log);
        GC.KeepAlive(engine);
        return (figures, learned, ranker);
    }

    /// <summary>
    /// The learned ranker as the platform would train it from its own history: recruiting outcomes simulated on the
    /// market (their odds follow the hidden truth), features as of each pair's first showing, the earlier half of the
    /// job groups by time to train, the later half to validate.
    /// </summary>
    private static (TreeEnsembleModel Model, RankerFigures Figures) TrainRanker(SyntheticMarket market, MatchingEngine engine, int outcomeSeed, Action<string> log)
    {
        var outcomes = MarketGenerator.GenerateOutcomes(market, outcomeSeed, jobsSampled: Math.Clamp(market.JobCount / 2, 50, 4_000), recommendationsPerJob: 20);
        // Split where the later half of the jobs were first shown; the training half keeps only the labels known then.
        var splitAt = RankingGroups.CutTime(outcomes.GroupBy(o => o.JobId, StringComparer.Ordinal).Select(g => g.Min(o => o.At)), 0.5);
        var stream = OutcomeGroupStream.For(engine, labelsCutAt: splitAt);
        foreach (var o in outcomes.OrderBy(o => o.JobId, StringComparer.Ordinal).ThenBy(o => o.Id)) stream.Add(o);
        var groups = stream.Complete();
        // Trained as `ranker train` trains: shape and blend chosen on the training half alone.
        var (model, report) = LambdaRankTrainer.Train(groups, stream.Skipped.Total, HandWeights.Default, new RankerTrainingOptions(), splitAt);
        if (model is null) throw new InvalidOperationException($"The benchmark's outcomes trained no ranker: {report.NotTrained}");
        var figures = new RankerFigures(outcomeSeed, report.TrainGroups, report.ValidationGroups,
            Math.Round(report.NdcgHand, 4), Math.Round(report.NdcgLearned, 4), Math.Round(report.GainLow, 4), Math.Round(report.GainHigh, 4));
        log($"learned ranker: {outcomes.Count:N0} outcome events, {groups.Count:N0} job groups ({stream.Skipped.Total:N0} pairs left out), "
            + $"split at {splitAt:yyyy-MM-dd HH:mm}: train {report.TrainGroups:N0} / validate {report.ValidationGroups:N0}; {report.Shape}, weight {report.Blend:0.##} "
            + $"(tuning gain {report.TuningGain:+0.0000;-0.0000} on {report.TuningGroups:N0} training groups); validation ndcg@10 hand {figures.ValidationNdcgHand:0.0000}, "
            + $"learned {figures.ValidationNdcgLearned:0.0000}, gain interval [{report.GainLow:+0.0000;-0.0000}, {report.GainHigh:+0.0000;-0.0000}]; adopted: {(report.Adopted ? "yes" : "no")}");
        return (model, figures);
    }

    private static SystemFigures RunLucene(SyntheticMarket market, TaxonomyCatalog catalog, IReadOnlyList<JobPosting> jobList,
        IReadOnlyList<TalentProfile> talentList, BenchQuery[] plan, DateOnly today, Action<string> log)
    {
        var before = Settle();
        var build = Stopwatch.StartNew();
        using var lucene = new LuceneBaseline(catalog);
        lucene.Build(jobList, talentList);
        var buildSeconds = build.Elapsed.TotalSeconds;
        var memoryMb = (Settle() - before) / 1048576.0;
        log($"lucene index: {buildSeconds:0.0} s, {memoryMb:0} MB managed, {lucene.IndexBytes / 1048576.0:0} MB on disk (memory-mapped)");

        return Measure(market, plan, q => q.ForJob
            ? lucene.TalentForJob(jobList[q.Index], Top)
            : lucene.JobsForTalent(talentList[q.Index], Top, today), buildSeconds, memoryMb, log);
    }

    /// <summary>Runs every query once, timing each; ndcg@10 is computed outside the timed section.</summary>
    private static SystemFigures Measure(SyntheticMarket market, BenchQuery[] plan, Func<BenchQuery, IReadOnlyList<string>> run, double buildSeconds, double memoryMb, Action<string> log)
    {
        for (var i = 0; i < Math.Min(WarmUpQueries, plan.Length); i++) run(plan[i]);

        var latencies = new double[plan.Length];
        var ranked = new IReadOnlyList<string>[plan.Length];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < plan.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            ranked[i] = run(plan[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var seconds = total.Elapsed.TotalSeconds;

        double ndcgSum = 0;
        var judged = 0;
        var byDirection = new double[2];
        var countByDirection = new int[2];
        for (var i = 0; i < plan.Length; i++)
        {
            if (plan[i].IdealDcg <= 0) continue;
            var ndcg = Dcg(ranked[i].Take(10).Select(id => Relevance(market, plan[i], id))) / plan[i].IdealDcg;
            ndcgSum += ndcg;
            judged++;
            byDirection[plan[i].ForJob ? 0 : 1] += ndcg;
            countByDirection[plan[i].ForJob ? 0 : 1]++;
        }
        log($"  ndcg@10 job→talent {byDirection[0] / Math.Max(1, countByDirection[0]):0.0000}, talent→job {byDirection[1] / Math.Max(1, countByDirection[1]):0.0000}; "
            + $"mean results {ranked.Average(r => r.Count):0.0}");
        Array.Sort(latencies);
        return new SystemFigures(
            Math.Round(buildSeconds, 2), Math.Round(memoryMb, 1),
            Math.Round(Percentile(latencies, 0.50), 3), Math.Round(Percentile(latencies, 0.99), 3),
            Math.Round(plan.Length / seconds, 1), Math.Round(judged > 0 ? ndcgSum / judged : 0, 4));
    }

    private static int Relevance(SyntheticMarket market, BenchQuery q, string id) => q.ForJob
        ? market.TryGetTalentIndex(id, out var t) ? market.Relevance(q.Index, t) : 0
        : market.TryGetJobIndex(id, out var j) ? market.Relevance(j, q.Index) : 0;

    /// <summary>
    /// Half the queries are open jobs, half active seekers, drawn with the seed. The ideal ranking is the best ten of
    /// the ground truth among what any system may return (active seekers; open, unexpired jobs).
    /// </summary>
    private static BenchQuery[] Plan(SyntheticMarket market, IReadOnlyList<JobPosting> jobs, IReadOnlyList<TalentProfile> talent, int count, int seed, DateOnly today)
    {
        var rng = new Random(seed);
        var plan = new BenchQuery[count];
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                int j;
                do j = rng.Next(jobs.Count); while (!jobs[j].IsOpenOn(today));
                var ideal = market.RelevantTalent(j).Where(r => talent[r.Index].IsActive).Select(r => r.Relevance);
                plan[i] = new BenchQuery(true, j, Dcg(ideal.OrderDescending().Take(10)));
            }
            else
            {
                int t;
                do t = rng.Next(talent.Count); while (!talent[t].IsActive);
                var ideal = market.RelevantJobs(t).Where(r => jobs[r.Index].IsOpenOn(today)).Select(r => r.Relevance);
                plan[i] = new BenchQuery(false, t, Dcg(ideal.OrderDescending().Take(10)));
            }
        }
        return plan;
    }

    private static double Dcg(IEnumerable<int> relevances)
    {
        double dcg = 0;
        var rank = 0;
        foreach (var r in relevances)
        {
            dcg += (Math.Pow(2, r) - 1) / Math.Log2(rank + 2);
            rank++;
        }
        return dcg;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
