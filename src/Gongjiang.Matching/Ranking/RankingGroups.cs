using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Ranking;

/// <summary>One talent shown for a job: its label and the engine's features at the time it was shown.</summary>
public readonly record struct RankedItem(string TalentId, int Label, MatchFeatures Features);

/// <summary>A query group: one job and the talent its outcomes cover. <see cref="At"/> is when the first was shown.</summary>
public sealed record RankingGroup(string JobId, DateTime At, IReadOnlyList<RankedItem> Items);

/// <summary>Turns labelled pairs into per-job query groups with the engine's features.</summary>
public static class RankingGroups
{
    /// <summary>
    /// Groups pairs by job. <paramref name="features"/> gives a pair's features, or null when the pair is unknown or fails
    /// a hard filter (such a pair would never be ranked, so it teaches nothing); those are counted in <paramref name="skipped"/>.
    /// Groups with fewer than two items are dropped (there is nothing to order) and counted in <paramref name="alone"/>.
    /// </summary>
    public static IReadOnlyList<RankingGroup> Build(IEnumerable<PairOutcome> pairs, Func<PairOutcome, MatchFeatures?> features, out int skipped, out int alone)
    {
        skipped = 0;
        alone = 0;
        var groups = new List<RankingGroup>();
        foreach (var job in pairs.GroupBy(p => p.JobId, StringComparer.Ordinal))
        {
            var items = new List<RankedItem>();
            var at = DateTime.MaxValue;
            foreach (var pair in job)
            {
                if (features(pair) is not { } f) { skipped++; continue; }
                items.Add(new RankedItem(pair.TalentId, pair.Label, f));
                if (pair.FirstAt < at) at = pair.FirstAt;
            }
            if (items.Count >= 2) groups.Add(new RankingGroup(job.Key, at, items));
            else alone += items.Count;
        }
        groups.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.JobId, b.JobId));
        return groups;
    }

    /// <summary>
    /// The split time: the first showing of the earliest group that validates when the latest
    /// <paramref name="validationShare"/> of the groups (by when their job was first shown) validate. Null without groups.
    /// </summary>
    public static DateTime? CutTime(IEnumerable<DateTime> firstShown, double validationShare = 0.2)
    {
        var sorted = firstShown.Order().ToList();
        if (sorted.Count == 0) return null;
        var cut = (int)Math.Round(sorted.Count * (1 - validationShare));
        cut = Math.Clamp(cut, Math.Min(1, sorted.Count), Math.Max(0, sorted.Count - 1));
        return sorted[cut];
    }

    /// <summary>
    /// A time split: groups first shown before the split time (<see cref="CutTime"/>) train, the others validate, so the
    /// model is judged on pairs shown after everything it learned from. Built by <see cref="OutcomeGroupStream"/> with
    /// <see cref="OutcomeGroupStream.LabelsCutAt"/>, the training groups also carry only what was known at the split time.
    /// </summary>
    public static (IReadOnlyList<RankingGroup> Train, IReadOnlyList<RankingGroup> Validation) SplitByTime(IReadOnlyList<RankingGroup> groups, double validationShare = 0.2) =>
        SplitAt(groups, g => g.At, g => g.JobId, CutTime(groups.Select(g => g.At), validationShare));

    /// <inheritdoc cref="SplitByTime(IReadOnlyList{RankingGroup}, double)"/>
    public static (IReadOnlyList<CompactRankingGroup> Train, IReadOnlyList<CompactRankingGroup> Validation) SplitByTime(IReadOnlyList<CompactRankingGroup> groups, double validationShare = 0.2) =>
        SplitAt(groups, g => g.At, g => g.JobId, CutTime(groups.Select(g => g.At), validationShare));

    /// <summary>Groups first shown before <paramref name="cut"/> train, the rest validate.</summary>
    public static (IReadOnlyList<CompactRankingGroup> Train, IReadOnlyList<CompactRankingGroup> Validation) SplitAt(IReadOnlyList<CompactRankingGroup> groups, DateTime? cut) =>
        SplitAt(groups, g => g.At, g => g.JobId, cut);

    private static (IReadOnlyList<T> Train, IReadOnlyList<T> Validation) SplitAt<T>(IReadOnlyList<T> groups, Func<T, DateTime> at, Func<T, string> jobId, DateTime? cut)
    {
        var sorted = groups.OrderBy(at).ThenBy(jobId, StringComparer.Ordinal).ToList();
        if (cut is not { } c) return (sorted, []);
        return (sorted.Where(g => at(g) < c).ToList(), sorted.Where(g => at(g) >= c).ToList());
    }
}

/// <summary>Normalized discounted cumulative gain with gains 2^label − 1.</summary>
public static class Ndcg
{
    /// <summary>NDCG@k of one group ordered by <paramref name="scores"/> (ties keep the input order); null when no item is relevant.</summary>
    public static double? At(int k, IReadOnlyList<int> labels, IReadOnlyList<float> scores)
    {
        var n = labels.Count;
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var ideal = labels.OrderByDescending(l => l).ToArray();
        double dcg = 0, idcg = 0;
        for (var r = 0; r < Math.Min(k, n); r++)
        {
            var discount = 1 / Math.Log2(r + 2);
            dcg += (Math.Pow(2, labels[order[r]]) - 1) * discount;
            idcg += (Math.Pow(2, ideal[r]) - 1) * discount;
        }
        return idcg > 0 ? dcg / idcg : null;
    }

    /// <summary>Mean NDCG@k over the groups that have a relevant item, scoring each item with <paramref name="model"/>.</summary>
    public static double Mean(int k, IEnumerable<RankingGroup> groups, IScoringModel model)
    {
        double sum = 0;
        var count = 0;
        foreach (var g in groups)
        {
            var labels = g.Items.Select(i => i.Label).ToArray();
            var scores = g.Items.Select(i => model.Score(i.Features)).ToArray();
            if (At(k, labels, scores) is { } v) { sum += v; count++; }
        }
        return count == 0 ? 0 : sum / count;
    }

    /// <inheritdoc cref="Mean(int, IEnumerable{RankingGroup}, IScoringModel)"/>
    public static double Mean(int k, IEnumerable<CompactRankingGroup> groups, IScoringModel model)
    {
        double sum = 0;
        var count = 0;
        foreach (var g in groups)
        {
            var labels = new int[g.Count];
            var scores = new float[g.Count];
            for (var i = 0; i < g.Count; i++)
            {
                labels[i] = g.Labels[i];
                scores[i] = model.Score(g.FeaturesAt(i));
            }
            if (At(k, labels, scores) is { } v) { sum += v; count++; }
        }
        return count == 0 ? 0 : sum / count;
    }
}

/// <summary>The engine's view of past pairs, for training.</summary>
public static class OutcomeFeatures
{
    /// <summary>
    /// Query groups whose features the engine computes as of the day each pair was first shown (recency, expiry). The
    /// engine must hold the jobs and talent the outcomes name, as they were then: open and active.
    /// </summary>
    public static IReadOnlyList<RankingGroup> Groups(MatchingEngine engine, IEnumerable<PairOutcome> pairs, out SkippedPairs skipped)
    {
        var unknown = 0;
        var groups = RankingGroups.Build(pairs, p =>
        {
            if (!engine.ContainsJob(p.JobId) || !engine.ContainsTalent(p.TalentId)) { unknown++; return null; }
            return engine.Explain(p.JobId, p.TalentId, new MatchOptions { Today = DateOnly.FromDateTime(p.FirstAt), WithReasons = false })?.Features;
        }, out var withoutFeatures, out var alone);
        skipped = new SkippedPairs(unknown, withoutFeatures - unknown, alone);
        return groups;
    }
}

/// <summary>Pairs left out of training: job or talent not in the database, failing a hard filter (never ranked), or alone in their job's group.</summary>
public readonly record struct SkippedPairs(int Unknown, int HardFilter, int Alone)
{
    public int Total => Unknown + HardFilter + Alone;
}
