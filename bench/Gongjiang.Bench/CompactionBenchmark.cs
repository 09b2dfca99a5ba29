using System.Diagnostics;
using System.Globalization;
using Gongjiang.Core.Jobs;
using Gongjiang.Market;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Bench;

/// <summary>
/// <c>compaction</c>: the index after many edits, before and after <see cref="MatchingEngine.Compact"/>. A generated
/// market is indexed; then seekers edit their profiles (most edits small — salary, a skill, a city; some a change of
/// trade, taking another profile's content) and employers rewrite, close and reopen postings. The same queries (top 50,
/// half each direction, one thread) are timed on the fresh index, after the edits with automatic compaction off, and
/// after one compaction; a last run repeats the edits with the default automatic compaction, times each write and
/// lists the garbage-collection pauses over 100 ms.
/// </summary>
internal static class CompactionBenchmark
{
    private const int Top = 50;

    public static void Run(int talent, int jobs, int talentEdits, int jobEdits, int queries, int seed, bool gcEvents)
    {
        var catalog = TaxonomyCatalog.Default;
        var market = MarketGenerator.Generate(MarketSpec.Benchmark(seed, talent, jobs), catalog);
        var options = new MatchOptions { Today = market.Spec.EffectiveToday, WithReasons = true };
        var random = new Random(seed);
        var plan = Enumerable.Range(0, queries).Select(i => (ForJob: i % 2 == 0, Index: random.Next(i % 2 == 0 ? jobs : talent))).ToArray();
        var finalJobs = market.Jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var finalTalent = market.Talent.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var edits = Edits(market, talentEdits, jobEdits, seed, finalJobs, finalTalent);
        Console.WriteLine($"market: {jobs:N0} jobs, {talent:N0} talent; edits: {talentEdits:N0} profile upserts, {jobEdits:N0} posting upserts/removals; queries: {queries:N0} (top {Top})");

        MatchingEngine? engine = MatchingEngine.Build(catalog, market.Jobs, market.Talent);
        engine.AutoCompaction = null;
        Report("fresh build", engine, market, plan, options);

        var clock = Stopwatch.StartNew();
        foreach (var edit in edits) edit(engine!);
        Console.WriteLine($"edits without compaction: {clock.Elapsed.TotalSeconds:0.00} s");
        Report("after edits", engine, market, plan, options);

        clock.Restart();
        engine.Compact();
        Console.WriteLine($"Compact(): {clock.Elapsed.TotalMilliseconds:0} ms");
        clock.Restart();
        engine.Compact();
        Console.WriteLine($"Compact() again, nothing to drop: {clock.Elapsed.TotalMilliseconds:0} ms");
        Report("after Compact()", engine, market, plan, options);
        engine = null;

        MatchingEngine? rebuilt = MatchingEngine.Build(catalog, finalJobs.Values, finalTalent.Values);
        Report("rebuilt", rebuilt, market, plan, options);
        rebuilt = null;

        using var tracer = new GcPauseTracer(TimeSpan.FromMilliseconds(100), gcEvents);
        foreach (var policy in new[] { CompactionPolicy.Default, CompactionPolicy.Default with { InBackground = false } })
        {
            var automatic = MatchingEngine.Build(catalog, market.Jobs, market.Talent);
            automatic.AutoCompaction = policy;
            var latencies = new double[edits.Count];
            var pausedDuringSlowest = TimeSpan.Zero;
            var slowest = 0.0;
            var pausedBefore = GC.GetTotalPauseDuration();
            var began = DateTime.UtcNow;
            clock.Restart();
            for (var i = 0; i < edits.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var paused = GC.GetTotalPauseDuration();
                edits[i](automatic);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (latencies[i] > slowest) (slowest, pausedDuringSlowest) = (latencies[i], GC.GetTotalPauseDuration() - paused);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var pausedInRun = GC.GetTotalPauseDuration() - pausedBefore;
            var ended = DateTime.UtcNow;
            automatic.WhenCompacted().GetAwaiter().GetResult();
            Array.Sort(latencies);
            var s = automatic.Statistics;
            var how = policy.InBackground ? "in the background" : "inside the write";
            Console.WriteLine($"edits with automatic compaction ({how}): {seconds:0.00} s, {s.Talent.Compactions} talent and {s.Jobs.Compactions} job compactions; "
                + $"write p50 {Percentile(latencies, 0.5):0.000} ms, p99 {Percentile(latencies, 0.99):0.000} ms, "
                + $"over 50 ms {latencies.Count(l => l > 50)}, max {latencies[^1]:0.0} ms "
                + $"(of which garbage-collection pauses {pausedDuringSlowest.TotalMilliseconds:0.0} ms; all pauses of the run {pausedInRun.TotalMilliseconds:0} ms)");
            Thread.Sleep(TimeSpan.FromSeconds(1)); // lets the last events of the run reach the tracer
            foreach (var pause in tracer.PausesBetween(began, ended)) Console.WriteLine($"  garbage-collection pause {pause}");
            Report(policy.InBackground ? "automatic, background" : "automatic, in the write", automatic, market, plan, options);
        }
    }

    /// <summary>The edits, drawn once so every engine gets the same ones; the final state is left in the two dictionaries.</summary>
    private static List<Action<MatchingEngine>> Edits(SyntheticMarket market, int talentEdits, int jobEdits, int seed,
        Dictionary<string, JobPosting> finalJobs, Dictionary<string, TalentProfile> finalTalent)
    {
        var random = new Random(seed + 1);
        var edits = new List<Action<MatchingEngine>>(talentEdits + jobEdits);
        var talentLeft = talentEdits;
        var jobsLeft = jobEdits;
        while (talentLeft + jobsLeft > 0)
        {
            if (random.Next(talentLeft + jobsLeft) < talentLeft)
            {
                talentLeft--;
                var index = random.Next(market.TalentCount);
                TalentProfile profile;
                if (random.Next(10) < 3)
                {
                    profile = market.TalentAt(random.Next(market.TalentCount)); // a change of trade (or of city)
                    profile.Id = market.TalentIdAt(index);
                }
                else
                {
                    profile = market.TalentAt(index);
                    var other = market.TalentAt(random.Next(market.TalentCount));
                    profile.ExpectedSalaryMin = (profile.ExpectedSalaryMin ?? 5000) + 500 * random.Next(-2, 3);
                    if (other.Skills.Count > 0) profile.Skills.Add(other.Skills[random.Next(other.Skills.Count)]);
                    if (profile.Skills.Count > 1 && random.Next(2) == 0) profile.Skills.RemoveAt(random.Next(profile.Skills.Count));
                    if (random.Next(4) == 0) profile.WillingCities.Add(other.CityCode);
                }
                profile.UpdatedAt = market.Spec.EffectiveToday.ToDateTime(TimeOnly.MinValue);
                finalTalent[profile.Id] = profile;
                edits.Add(e => e.Upsert(profile));
            }
            else
            {
                jobsLeft--;
                var posting = market.JobAt(random.Next(market.JobCount));
                switch (random.Next(4))
                {
                    case 0:
                        finalJobs.Remove(posting.Id);
                        edits.Add(e => e.RemoveJob(posting.Id));
                        break;
                    case 1:
                        posting.Status = JobStatus.Closed;
                        finalJobs[posting.Id] = posting;
                        edits.Add(e => e.Upsert(posting));
                        break;
                    default:
                        var rewrite = market.JobAt(random.Next(market.JobCount));
                        rewrite.Id = posting.Id;
                        finalJobs[posting.Id] = rewrite;
                        edits.Add(e => e.Upsert(rewrite));
                        break;
                }
            }
        }
        return edits;
    }

    private static void Report(string stage, MatchingEngine engine, SyntheticMarket market, (bool ForJob, int Index)[] plan, MatchOptions options)
    {
        var scoredBefore = QueryScratch.Current.Scored;
        var latencies = new double[plan.Length];
        foreach (var q in plan.Take(30)) Query(engine, market, q, options); // warm-up
        scoredBefore = QueryScratch.Current.Scored;
        for (var i = 0; i < plan.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Query(engine, market, plan[i], options);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var scored = (QueryScratch.Current.Scored - scoredBefore) / (double)plan.Length;
        Array.Sort(latencies);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var s = engine.Statistics;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-16} talent: {s.Talent.Live:N0} live / {s.Talent.Slots:N0} slots, {s.Talent.PostingEntries:N0} entries ({s.Talent.StaleEntries:N0} stale, {s.Talent.DeadEntries:N0} dead), "
            + $"pool {s.Talent.PoolValues:N0} ints ({s.Talent.DeadPoolValues:N0} dead), {s.Talent.Bytes / 1048576.0:0.0} MB | "
            + $"jobs: {s.Jobs.Live:N0} / {s.Jobs.Slots:N0}, {s.Jobs.PostingEntries:N0} entries ({s.Jobs.WastedEntries:N0} waste), {s.Jobs.Bytes / 1048576.0:0.0} MB | "
            + $"heap {heapMb:0} MB | query p50 {Percentile(latencies, 0.5):0.000} ms, p99 {Percentile(latencies, 0.99):0.000} ms, {scored:0} scored/query"));
    }

    private static int Query(MatchingEngine engine, SyntheticMarket market, (bool ForJob, int Index) q, MatchOptions options) => q.ForJob
        ? engine.TalentForJob(market.JobIdAt(q.Index), Top, options).Count
        : engine.JobsForTalent(market.TalentIdAt(q.Index), Top, options).Count;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
