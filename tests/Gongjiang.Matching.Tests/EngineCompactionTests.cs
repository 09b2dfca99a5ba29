using System.Text.Json;
using Gongjiang.Core.Jobs;
using Gongjiang.Market;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Tests;

/// <summary>
/// Compaction of the matching index: after many random edits and removals the engine answers exactly as an engine
/// built from the final state, before and after <see cref="MatchingEngine.Compact"/>, and compaction removes all waste.
/// </summary>
public class EngineCompactionTests
{
    private static readonly TaxonomyCatalog Catalog = TaxonomyCatalog.Default;

    // A generated market twice the size of the index: edits copy the content of any of its postings and profiles.
    private static readonly Lazy<SyntheticMarket> Source = new(() => MarketGenerator.Generate(new MarketSpec(30, 240, 1_200, Seed: 11), Catalog));

    // Deep enough that a query never fills its top K: every candidate passing the filters is ranked, so the result
    // does not depend on which posting list found a candidate first.
    private const int Everyone = 5_000;

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <summary>The index under edit and the state it should hold, ids in order of first insertion.</summary>
    private sealed class EditedMarket
    {
        public required MatchingEngine Engine { get; init; }
        public Dictionary<string, JobPosting> Jobs { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, TalentProfile> Talent { get; } = new(StringComparer.Ordinal);
        public List<string> JobIds { get; } = [];
        public List<string> TalentIds { get; } = [];
        public Dictionary<string, JobPosting> RemovedJobs { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, TalentProfile> RemovedTalent { get; } = new(StringComparer.Ordinal);
        public static MatchOptions Options => new() { Today = Source.Value.Spec.EffectiveToday, WithReasons = true };

        /// <summary>A fresh engine over the open jobs and active talent of the final state.</summary>
        public MatchingEngine Fresh() => MatchingEngine.Build(Catalog,
            JobIds.Where(Jobs.ContainsKey).Select(id => Jobs[id]).Where(j => j.Status == JobStatus.Open),
            TalentIds.Where(Talent.ContainsKey).Select(id => Talent[id]).Where(t => t.IsActive));

        /// <summary>
        /// A fresh engine over every record the edited one still holds a slot for: removed ones as they were last
        /// written, but closed or inactive. It has no stale entries, and as many dead ones as the edited engine.
        /// </summary>
        public MatchingEngine FreshWithDead()
        {
            foreach (var j in RemovedJobs.Values) j.Status = JobStatus.Closed;
            foreach (var t in RemovedTalent.Values) t.IsActive = false;
            return MatchingEngine.Build(Catalog,
                JobIds.Select(id => Jobs.GetValueOrDefault(id) ?? RemovedJobs[id]),
                TalentIds.Select(id => Talent.GetValueOrDefault(id) ?? RemovedTalent[id]));
        }
    }

    private static EditedMarket Edited(int edits, int seed, CompactionPolicy? policy, Action<EditedMarket, int>? afterEach = null)
    {
        var market = Source.Value;
        var jobs = Enumerable.Range(0, market.JobCount / 2).Select(market.JobAt).ToList();
        var talent = Enumerable.Range(0, market.TalentCount / 2).Select(market.TalentAt).ToList();
        var edited = new EditedMarket { Engine = MatchingEngine.Build(Catalog, jobs, talent) };
        edited.Engine.AutoCompaction = policy;
        foreach (var j in jobs) { edited.Jobs[j.Id] = j; edited.JobIds.Add(j.Id); }
        foreach (var t in talent) { edited.Talent[t.Id] = t; edited.TalentIds.Add(t.Id); }

        var random = new Random(seed);
        var newIds = 0;
        for (var step = 0; step < edits; step++)
        {
            var roll = random.Next(100);
            if (roll < 55)
            {
                // A seeker edits the profile: new trade, skills, cities or expectations; now and then hides it.
                var id = roll < 3 ? $"TN{++newIds}" : edited.TalentIds[random.Next(edited.TalentIds.Count)];
                var profile = market.TalentAt(random.Next(market.TalentCount));
                profile.Id = id;
                profile.IsActive = random.Next(10) != 0;
                if (!edited.Talent.ContainsKey(id) && !edited.TalentIds.Contains(id)) edited.TalentIds.Add(id);
                edited.Talent[id] = profile;
                edited.RemovedTalent.Remove(id);
                edited.Engine.Upsert(profile);
            }
            else if (roll < 70)
            {
                var id = edited.TalentIds[random.Next(edited.TalentIds.Count)];
                Assert.Equal(edited.Talent.TryGetValue(id, out var t) && t.IsActive, edited.Engine.RemoveTalent(id));
                if (edited.Talent.Remove(id, out var last)) edited.RemovedTalent[id] = last;
            }
            else if (roll < 90)
            {
                // An employer rewrites, closes or reopens a posting.
                var id = roll < 72 ? $"JN{++newIds}" : edited.JobIds[random.Next(edited.JobIds.Count)];
                var posting = market.JobAt(random.Next(market.JobCount));
                posting.Id = id;
                if (random.Next(6) == 0) posting.Status = JobStatus.Closed;
                if (!edited.JobIds.Contains(id)) edited.JobIds.Add(id);
                edited.Jobs[id] = posting;
                edited.RemovedJobs.Remove(id);
                edited.Engine.Upsert(posting);
            }
            else
            {
                var id = edited.JobIds[random.Next(edited.JobIds.Count)];
                Assert.Equal(edited.Jobs.TryGetValue(id, out var j) && j.Status == JobStatus.Open, edited.Engine.RemoveJob(id));
                if (edited.Jobs.Remove(id, out var last)) edited.RemovedJobs[id] = last;
            }
            afterEach?.Invoke(edited, step);
        }
        return edited;
    }

    /// <summary>Every result of the queries, one line each: ids, score, features and reasons (the rank aside).</summary>
    private static List<string> Answers(MatchingEngine engine, EditedMarket state, bool byScoreThenId)
    {
        var lines = new List<string>();
        foreach (var id in state.JobIds.Where((_, i) => i % 3 == 0))
            lines.AddRange(Lines(engine.TalentForJob(id, Everyone, EditedMarket.Options), byScoreThenId, r => r.TalentId));
        foreach (var id in state.TalentIds.Where((_, i) => i % 12 == 0))
            lines.AddRange(Lines(engine.JobsForTalent(id, Everyone, EditedMarket.Options), byScoreThenId, r => r.JobId));
        return lines;
    }

    private static IEnumerable<string> Lines(IReadOnlyList<MatchResult> results, bool byScoreThenId, Func<MatchResult, string> other)
    {
        // Equal scores rank by slot, and an engine built afresh lays its records out in another order: compared with
        // one, ties are put in id order. Within one engine the order is compared as it is.
        IEnumerable<MatchResult> ordered = byScoreThenId
            ? results.OrderByDescending(r => r.Score).ThenBy(other, StringComparer.Ordinal)
            : results;
        return ordered.Select(r => JsonSerializer.Serialize(r with { Rank = 0 }, Json)).Prepend($"{results.Count} results");
    }

    private static void AssertSame(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void After_many_edits_results_equal_a_fresh_build_before_and_after_compaction()
    {
        var edited = Edited(edits: 3_000, seed: 5, policy: null);
        var fresh = edited.Fresh();
        var expected = Answers(fresh, edited, byScoreThenId: true);
        Assert.True(expected.Count > 2 * (edited.JobIds.Count / 3), "the queries should find candidates");

        var beforeStatistics = edited.Engine.Statistics;
        Assert.True(beforeStatistics.Talent.StaleEntries > 0);
        Assert.True(beforeStatistics.Talent.DeadEntries > 0);
        Assert.True(beforeStatistics.Jobs.WastedEntries > 0);
        var before = Answers(edited.Engine, edited, byScoreThenId: false);
        AssertSame(expected, Answers(edited.Engine, edited, byScoreThenId: true));

        edited.Engine.Compact();

        AssertSame(before, Answers(edited.Engine, edited, byScoreThenId: false));
        AssertSame(expected, Answers(edited.Engine, edited, byScoreThenId: true));
    }

    [Fact]
    public void Compaction_leaves_no_waste_and_the_size_of_a_fresh_build()
    {
        var edited = Edited(edits: 2_000, seed: 8, policy: null);
        var wasted = edited.Engine.Statistics;
        Assert.Equal(0, wasted.Talent.Compactions);
        // Without compaction most of the index is waste by now.
        Assert.True(wasted.Talent.WastedEntries * 3 > wasted.Talent.PostingEntries, $"{wasted.Talent}");
        Assert.True(wasted.Talent.DeadPoolValues * 3 > wasted.Talent.PoolValues, $"{wasted.Talent}");
        Assert.True(wasted.Jobs.DeadSlots > 0);
        // The running counts agree with the lists and pools: what is not waste is what a fresh build holds.
        var fresh = edited.Fresh().Statistics;
        foreach (var (side, expected) in new[] { (wasted.Jobs, fresh.Jobs), (wasted.Talent, fresh.Talent) })
        {
            Assert.Equal(expected.PostingEntries, side.PostingEntries - side.WastedEntries);
            Assert.Equal(expected.PoolValues, side.PoolValues - side.DeadPoolValues);
            Assert.Equal(expected.Live, side.Live);
        }
        // Stale and dead apart: dead entries are those of the records no longer live, everything else beyond them stale.
        var withDead = edited.FreshWithDead().Statistics;
        foreach (var (side, expected) in new[] { (wasted.Jobs, withDead.Jobs), (wasted.Talent, withDead.Talent) })
        {
            Assert.Equal(0, expected.StaleEntries);
            Assert.Equal(expected.Slots, side.Slots);
            Assert.Equal(expected.DeadEntries, side.DeadEntries);
            Assert.Equal(side.PostingEntries - expected.PostingEntries, side.StaleEntries);
        }

        edited.Engine.Compact();

        var compacted = edited.Engine.Statistics;
        foreach (var (side, expected) in new[] { (compacted.Jobs, fresh.Jobs), (compacted.Talent, fresh.Talent) })
        {
            Assert.Equal(0, side.StaleEntries);
            Assert.Equal(0, side.DeadEntries);
            Assert.Equal(0, side.DeadSlots);
            Assert.Equal(0, side.DeadPoolValues);
            Assert.Equal(1, side.Compactions);
            Assert.Equal(expected.Live, side.Live);
            Assert.Equal(expected.Slots, side.Slots);
            Assert.Equal(expected.PostingLists, side.PostingLists);
            Assert.Equal(expected.PostingEntries, side.PostingEntries);
            Assert.Equal(expected.PoolValues, side.PoolValues);
            Assert.True(side.Bytes <= expected.Bytes, $"{side.Bytes} > {expected.Bytes}");
        }
        Assert.True(compacted.Talent.Bytes < wasted.Talent.Bytes);
        Assert.Equal(edited.Talent.Values.Count(t => t.IsActive), edited.Engine.TalentCount);
        Assert.Equal(edited.Jobs.Values.Count(j => j.Status == JobStatus.Open), edited.Engine.JobCount);
    }

    [Fact]
    public void Removed_and_closed_records_can_come_back_after_compaction()
    {
        var edited = Edited(edits: 500, seed: 3, policy: null);
        var removed = edited.TalentIds.First(id => !edited.Talent.ContainsKey(id));
        var closed = edited.JobIds.First(id => edited.Jobs.TryGetValue(id, out var j) && j.Status != JobStatus.Open);
        edited.Engine.Compact();
        Assert.False(edited.Engine.ContainsTalent(removed));
        Assert.False(edited.Engine.ContainsJob(closed));

        var profile = Source.Value.TalentAt(0);
        profile.Id = removed;
        edited.Engine.Upsert(profile);
        edited.Talent[removed] = profile;
        var posting = edited.Jobs[closed];
        posting.Status = JobStatus.Open;
        edited.Engine.Upsert(posting);

        Assert.True(edited.Engine.ContainsTalent(removed));
        Assert.True(edited.Engine.ContainsJob(closed));
        AssertSame(Answers(edited.Fresh(), edited, byScoreThenId: true), Answers(edited.Engine, edited, byScoreThenId: true));
    }

    [Fact]
    public void Writes_compact_by_themselves_once_a_third_is_waste()
    {
        var policy = new CompactionPolicy { MinimumWaste = 2_000, InBackground = false };
        var checks = 0;
        var edited = Edited(edits: 4_000, seed: 13, policy, (state, step) =>
        {
            if (step % 10 != 0) return;
            checks++;
            // Checked after every write, so between writes the waste never stays above the line.
            foreach (var side in new[] { state.Engine.Statistics.Jobs, state.Engine.Statistics.Talent })
            {
                Assert.False(side.WastedEntries >= policy.MinimumWaste && side.WastedEntries > side.PostingEntries * policy.WasteShare, $"{side}");
                Assert.False(side.DeadPoolValues >= policy.MinimumWaste && side.DeadPoolValues > side.PoolValues * policy.WasteShare, $"{side}");
            }
        });
        Assert.Equal(400, checks);

        var statistics = edited.Engine.Statistics;
        Assert.True(statistics.Talent.Compactions >= 2, $"{statistics.Talent}");
        Assert.True(statistics.Jobs.Compactions >= 1, $"{statistics.Jobs}");
        // Amortized: far fewer compactions than writes.
        Assert.True(statistics.Talent.Compactions < 40, $"{statistics.Talent}");
        AssertSame(Answers(edited.Fresh(), edited, byScoreThenId: true), Answers(edited.Engine, edited, byScoreThenId: true));
    }

    [Fact]
    public void The_default_policy_leaves_a_small_index_alone()
    {
        var edited = Edited(edits: 1_000, seed: 21, CompactionPolicy.Default);
        Assert.Equal(0, edited.Engine.Statistics.Talent.Compactions);
        Assert.Equal(0, edited.Engine.Statistics.Jobs.Compactions);
    }

    [Fact]
    public async Task Queries_during_compaction_see_the_same_results()
    {
        var edited = Edited(edits: 2_000, seed: 34, policy: null);
        var engine = edited.Engine;
        var jobIds = edited.JobIds.Where(edited.Jobs.ContainsKey).Take(8).ToArray();
        var talentIds = edited.TalentIds.Where(edited.Talent.ContainsKey).Take(8).ToArray();
        var options = EditedMarket.Options;
        string Answer(int i) => string.Join('\n', i % 2 == 0
            ? Lines(engine.TalentForJob(jobIds[i / 2 % jobIds.Length], Everyone, options), false, r => r.TalentId)
            : Lines(engine.JobsForTalent(talentIds[i / 2 % talentIds.Length], Everyone, options), false, r => r.JobId));
        // Asked from the index full of waste; every compaction, the first one included, must leave these answers.
        var expected = Enumerable.Range(0, 2 * jobIds.Length).Select(Answer).ToArray();
        Assert.True(engine.Statistics.Talent.WastedEntries > 0);

        var done = 0;
        var mismatches = 0;
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            var queries = 0;
            for (var i = r; queries < 20_000 && (Volatile.Read(ref done) == 0 || queries < 50); i++, queries++)
                if (Answer(i % expected.Length) != expected[i % expected.Length]) Interlocked.Increment(ref mismatches);
            return queries;
        })).ToArray();
        for (var c = 0; c < 15; c++) engine.Compact();
        Volatile.Write(ref done, 1);
        var counts = await Task.WhenAll(readers);

        Assert.Equal(0, mismatches);
        Assert.All(counts, queries => Assert.True(queries >= 50));
        Assert.Equal(15, engine.Statistics.Talent.Compactions);
        Assert.Equal(0, engine.Statistics.Talent.WastedEntries);
    }

    // 250 writes while held are placed under the lock at the swap; 3,000 (about 2,000 to the talent side) are more than
    // the swap takes, so they are placed in a round outside the lock first.
    [Theory]
    [InlineData(250)]
    [InlineData(3_000)]
    public async Task Background_compactions_keep_the_edits_made_while_they_ran(int editsWhileHeld)
    {
        var policy = new CompactionPolicy { MinimumWaste = 2_000 };
        var gate = new TaskCompletionSource();
        var pendingSteps = 0;
        var held = 0;
        var checkedWhileHeld = false;
        MatchingEngine? engine = null;
        var edited = Edited(edits: 9_000, seed: 17, policy, (state, step) =>
        {
            if (engine is null)
            {
                engine = state.Engine;
                // Every background compaction waits at its swap until this test opens the gate.
                engine.BeforeCompactionSwap = () => Volatile.Read(ref gate).Task;
            }
            if (engine.WhenCompacted().IsCompleted) return;
            // Writes go on while the compaction is held: each of them must survive the swap.
            if (++pendingSteps % editsWhileHeld != 0) return;
            if (!checkedWhileHeld)
            {
                // Queries meanwhile read the index as it is, waste and all.
                AssertSame(Answers(state.Fresh(), state, byScoreThenId: true), Answers(engine, state, byScoreThenId: true));
                checkedWhileHeld = true;
            }
            held++;
            Volatile.Read(ref gate).SetResult();
            engine.WhenCompacted().GetAwaiter().GetResult();
            // Only now, with no compaction left running, may the next one find a closed gate.
            Volatile.Write(ref gate, new TaskCompletionSource());
        });
        // The last compaction may still be held: let it finish.
        Volatile.Read(ref gate).TrySetResult();
        await edited.Engine.WhenCompacted();

        var statistics = edited.Engine.Statistics;
        Assert.True(checkedWhileHeld);
        Assert.True(held >= 2, $"{held} compactions held");
        Assert.Equal(editsWhileHeld > MatchingEngine.SwapReplayLimit, edited.Engine.CatchUpRounds > 0);
        Assert.True(statistics.Talent.Compactions >= 2, $"{statistics.Talent}");
        AssertSame(Answers(edited.Fresh(), edited, byScoreThenId: true), Answers(edited.Engine, edited, byScoreThenId: true));

        // The replayed edits were counted like any other write: a compaction afterwards leaves no waste and the same answers.
        edited.Engine.AutoCompaction = null;
        edited.Engine.Compact();
        Assert.Equal(0, edited.Engine.Statistics.Talent.WastedEntries);
        Assert.Equal(0, edited.Engine.Statistics.Jobs.WastedEntries);
        Assert.Equal(edited.Fresh().Statistics.Talent.PostingEntries, edited.Engine.Statistics.Talent.PostingEntries);
        AssertSame(Answers(edited.Fresh(), edited, byScoreThenId: true), Answers(edited.Engine, edited, byScoreThenId: true));
    }

    [Fact]
    public async Task A_compaction_asked_for_during_a_background_one_makes_that_one_give_up()
    {
        var gate = new TaskCompletionSource();
        var compactedDuring = false;
        var edited = Edited(edits: 3_000, seed: 19, new CompactionPolicy { MinimumWaste = 2_000 }, (state, step) =>
        {
            var engine = state.Engine;
            engine.BeforeCompactionSwap ??= () => gate.Task;
            if (compactedDuring || engine.WhenCompacted().IsCompleted) return;
            var before = engine.Statistics.Talent.Compactions + engine.Statistics.Jobs.Compactions;
            engine.Compact();
            Assert.Equal(before + 2, engine.Statistics.Talent.Compactions + engine.Statistics.Jobs.Compactions);
            compactedDuring = true;
            gate.SetResult();
            engine.WhenCompacted().GetAwaiter().GetResult();
            // The background result was built from an older index: it was dropped, not swapped in.
            Assert.Equal(before + 2, engine.Statistics.Talent.Compactions + engine.Statistics.Jobs.Compactions);
        });
        await edited.Engine.WhenCompacted();

        Assert.True(compactedDuring);
        AssertSame(Answers(edited.Fresh(), edited, byScoreThenId: true), Answers(edited.Engine, edited, byScoreThenId: true));
    }
}
