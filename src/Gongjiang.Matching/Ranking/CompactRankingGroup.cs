using System.Diagnostics.CodeAnalysis;
using Gongjiang.Core.Recruiting;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Ranking;

/// <summary>
/// A query group as training keeps it: the job, when its first pair was shown, and per item only the engine's features
/// (<see cref="MatchFeatures.Count"/> floats each, in one flat array) and the relevance label. No talent ids, no entities:
/// a million pairs take about 41 MB here (40 bytes of features and one of label each).
/// </summary>
public sealed class CompactRankingGroup
{
    public CompactRankingGroup(string jobId, DateTime at, float[] features, byte[] labels)
    {
        if (features.Length != labels.Length * MatchFeatures.Count) throw new ArgumentException("Needs one feature row per label.", nameof(features));
        JobId = jobId;
        At = at;
        Features = features;
        Labels = labels;
    }

    public string JobId { get; }
    public DateTime At { get; }
    /// <summary>Item i's features are <c>Features[i * MatchFeatures.Count ..][..MatchFeatures.Count]</c>, in <see cref="MatchFeatures.Names"/> order.</summary>
    public float[] Features { get; }
    public byte[] Labels { get; }
    public int Count => Labels.Length;

    public ReadOnlySpan<float> FeatureRow(int item) => Features.AsSpan(item * MatchFeatures.Count, MatchFeatures.Count);

    public MatchFeatures FeaturesAt(int item)
    {
        var f = new MatchFeatures();
        FeatureRow(item).CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<MatchFeatures, float>(new Span<MatchFeatures>(ref f)));
        return f;
    }

    public static CompactRankingGroup From(RankingGroup group)
    {
        var features = new float[group.Items.Count * MatchFeatures.Count];
        var labels = new byte[group.Items.Count];
        for (var i = 0; i < group.Items.Count; i++)
        {
            group.Items[i].Features.CopyTo(features.AsSpan(i * MatchFeatures.Count));
            labels[i] = checked((byte)group.Items[i].Label);
        }
        return new CompactRankingGroup(group.JobId, group.At, features, labels);
    }

    /// <summary>Compacts groups already in time order (as <see cref="RankingGroups.Build"/> returns them).</summary>
    public static IReadOnlyList<CompactRankingGroup> From(IReadOnlyList<RankingGroup> groups) => groups.Select(From).ToList();
}

/// <summary>
/// Builds the training groups from outcome events that arrive grouped by job (all of a job's events one after another,
/// in any order within the job), e.g. read from the database ordered by job. Only the current job's pairs are held as
/// events; when the next job starts, the finished job's pairs get their features and are kept as a
/// <see cref="CompactRankingGroup"/>. The result is exactly what <see cref="OutcomeRelevance.Pairs"/> followed by
/// <see cref="RankingGroups.Build"/> give for the same events listed in <see cref="Outcome.Id"/> order.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A stream of outcome events in the everyday sense, not a System.IO.Stream; the name is used by the ranker's training.")]
public sealed class OutcomeGroupStream(Func<PairOutcome, MatchFeatures?> features)
{
    private readonly List<CompactRankingGroup> _groups = [];
    private readonly Dictionary<string, (int Label, int LabelBeforeCut, DateTime First, long Order)> _job = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finishedJobs = new(StringComparer.Ordinal);
    private string? _jobId;
    private bool _completed;
    private int _pairs, _withoutFeatures, _alone, _shownAfterCut;

    /// <summary>
    /// The split time of a time-split training run, or null. A job first shown before it is a training group and keeps only
    /// what was known then: labels from events before the split, and only the pairs shown before it.
    /// </summary>
    public DateTime? LabelsCutAt { get; init; }

    /// <summary>Pairs of training groups left out because they were first shown at or after the split time.</summary>
    public int ShownAfterCut => _shownAfterCut;

    /// <summary>Groups from the engine's features as of the day each pair was first shown, as <see cref="OutcomeFeatures.Groups"/> computes them.</summary>
    public static OutcomeGroupStream For(MatchingEngine engine, Func<string, string, MatchFeatures?>? snapshot = null, DateTime? labelsCutAt = null)
    {
        OutcomeGroupStream? stream = null;
        stream = new OutcomeGroupStream(p =>
        {
            // The features stored when the pair was shown; only pairs shown before snapshots were kept are recomputed.
            if (snapshot?.Invoke(p.JobId, p.TalentId) is { } stored) { stream!.FromSnapshot++; return stored; }
            if (!engine.ContainsJob(p.JobId) || !engine.ContainsTalent(p.TalentId)) { stream!.Unknown++; return null; }
            return engine.Explain(p.JobId, p.TalentId, new MatchOptions { Today = DateOnly.FromDateTime(p.FirstAt), WithReasons = false })?.Features;
        }) { LabelsCutAt = labelsCutAt };
        return stream;
    }

    /// <summary>Every (job, talent) pair seen so far, with or without features.</summary>
    public int Pairs => _pairs;

    /// <summary>Pairs naming a job or talent the engine does not hold (counted by <see cref="For"/>).</summary>
    public int Unknown { get; private set; }

    /// <summary>Pairs whose features are the snapshot stored when they were shown (the others are recomputed as of their first showing).</summary>
    public int FromSnapshot { get; private set; }

    public SkippedPairs Skipped => new(Unknown, _withoutFeatures - Unknown, _alone);

    /// <summary>Adds one event. Events of a job must follow each other; a job that comes back after another started is an error.</summary>
    public void Add(Outcome outcome)
    {
        if (_completed) throw new InvalidOperationException("The stream is complete.");
        if (!string.Equals(outcome.JobId, _jobId, StringComparison.Ordinal))
        {
            FinishJob();
            if (!_finishedJobs.Add(outcome.JobId)) throw new InvalidOperationException($"Outcomes of job {outcome.JobId} must come one after another.");
            _jobId = outcome.JobId;
        }
        var label = OutcomeRelevance.Of(outcome.Stage);
        var known = LabelsCutAt is not { } cut || outcome.At < cut ? label : -1;
        ref var pair = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_job, outcome.TalentId, out var exists);
        pair = exists
            ? (Math.Max(pair.Label, label), Math.Max(pair.LabelBeforeCut, known), outcome.At < pair.First ? outcome.At : pair.First, Math.Min(pair.Order, outcome.Id))
            : (label, known, outcome.At, outcome.Id);
    }

    /// <summary>Finishes the last job and returns the groups in time order (first shown, then job id), as <see cref="RankingGroups.Build"/> sorts them.</summary>
    public IReadOnlyList<CompactRankingGroup> Complete()
    {
        if (!_completed)
        {
            FinishJob();
            _completed = true;
            _finishedJobs.Clear();
            _groups.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.JobId, b.JobId));
        }
        return _groups;
    }

    private void FinishJob()
    {
        if (_jobId is null || _job.Count == 0) return;
        // The pairs in order of their first event, as OutcomeRelevance.Pairs lists them; ties (equal ids) cannot occur for stored outcomes.
        var pairs = _job.OrderBy(p => p.Value.Order).ToList();
        _job.Clear();
        // A training group (first shown before the split) keeps the pairs shown before it, labelled as known then.
        if (LabelsCutAt is { } cut && pairs.Min(p => p.Value.First) < cut)
        {
            var before = pairs.Where(p => p.Value.First < cut).ToList();
            _shownAfterCut += pairs.Count - before.Count;
            pairs = before.Select(p => new KeyValuePair<string, (int, int, DateTime, long)>(p.Key, (p.Value.LabelBeforeCut, p.Value.LabelBeforeCut, p.Value.First, p.Value.Order))).ToList();
        }
        _pairs += pairs.Count;
        var rows = new float[pairs.Count * MatchFeatures.Count];
        var labels = new byte[pairs.Count];
        var n = 0;
        var at = DateTime.MaxValue;
        foreach (var (talentId, (label, _, first, _)) in pairs)
        {
            // A pair known only from a rejection or withdrawal was at least recommended.
            var pair = new PairOutcome(_jobId, talentId, Math.Max(0, label), first);
            if (features(pair) is not { } f) { _withoutFeatures++; continue; }
            f.CopyTo(rows.AsSpan(n * MatchFeatures.Count));
            labels[n++] = (byte)pair.Label;
            if (first < at) at = first;
        }
        if (n >= 2) _groups.Add(new CompactRankingGroup(_jobId, at, n == pairs.Count ? rows : rows[..(n * MatchFeatures.Count)], n == pairs.Count ? labels : labels[..n]));
        else _alone += n;
    }
}
