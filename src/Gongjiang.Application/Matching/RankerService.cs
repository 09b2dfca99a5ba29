using System.Globalization;
using System.Text;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Gongjiang.Matching.Ranking;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Matching;

/// <summary>Trains the learned ranker from the outcomes in the database and records the run (<c>ranker train</c>).</summary>
public sealed class RankerService(AppDbContext db, TaxonomyCatalog catalog, TimeProvider clock, RankingModels models)
{
    public sealed record Result(RankerReport Report, long RecordId, string Text);

    /// <summary>Outcome rows read per query.</summary>
    public const int DefaultBatchSize = 10_000;

    /// <summary>
    /// Trains without holding the outcome table in memory: outcomes are read in keyset batches of <paramref name="batchSize"/>
    /// in the order of their unique index (job, talent, stage, time), so each job's events arrive together; a job's group is
    /// given its features as soon as its last event is read and is kept only as compact feature rows
    /// (<see cref="CompactRankingGroup"/>). Batches rather than one long query keep no read transaction or snapshot open
    /// while the features are computed. The groups, split and model are the same as folding the whole table at once.
    /// </summary>
    public async Task<Result> TrainAsync(RankerTrainingOptions? options = null, int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        // The jobs and people the outcomes name, as they were then: a posting since closed was open when it was shown.
        var jobs = await db.Jobs.AsNoTracking().Where(j => db.Outcomes.Select(o => o.JobId).Contains(j.Id)).ToListAsync(ct);
        var talent = await db.Talent.AsNoTracking().Where(t => db.Outcomes.Select(o => o.TalentId).Contains(t.Id)).ToListAsync(ct);
        foreach (var j in jobs) j.Status = JobStatus.Open;
        foreach (var t in talent) t.IsActive = true;
        var engine = MatchingEngine.Build(catalog, jobs, talent, clock);
        jobs.Clear();
        talent.Clear();

        // The split time comes first, from when each job was first shown, so the training groups keep only the labels known then.
        options ??= new RankerTrainingOptions();
        var firstShown = await db.Outcomes.AsNoTracking().GroupBy(o => o.JobId).Select(g => g.Min(o => o.At)).ToListAsync(ct);
        var splitAt = RankingGroups.CutTime(firstShown, options.ValidationShare);

        // Features as they were when each pair was shown, where they were kept.
        var snapshots = new Dictionary<(string, string), MatchFeatures>();
        await foreach (var s in db.Set<PairSnapshot>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            if (PairSnapshot.Parse(s.Features) is { } f) snapshots[(s.JobId, s.TalentId)] = f;

        var stream = OutcomeGroupStream.For(engine, (job, talent) => snapshots.TryGetValue((job, talent), out var f) ? f : null, splitAt);
        await foreach (var o in ReadByJobAsync(batchSize, ct)) stream.Add(o);
        var groups = stream.Complete();
        var skipped = stream.Skipped;

        var (model, report) = LambdaRankTrainer.Train(groups, skipped.Total, HandWeights.Default, options, splitAt);
        var text = Describe(report, stream.Pairs, skipped, stream.FromSnapshot, stream.ShownAfterCut);
        var record = new RankingModelRecord
        {
            TrainedAt = clock.GetUtcNow().UtcDateTime, Adopted = report.Adopted, NdcgLearned = report.NdcgLearned, NdcgHand = report.NdcgHand,
            GainLow = report.GainLow, GainHigh = report.GainHigh,
            Groups = report.Groups, Pairs = report.Pairs, TrainGroups = report.TrainGroups, ValidationGroups = report.ValidationGroups,
            Report = text, Model = model?.ToJson() ?? "",
        };
        db.Set<RankingModelRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        models.Invalidate();
        return new Result(report, record.Id, text);
    }

    /// <summary>
    /// Every outcome ordered by (job, talent, stage, time), read <paramref name="batchSize"/> rows at a time: each batch
    /// continues after the last row of the one before (keyset). That order is the outcome table's unique index, so each
    /// batch is an index range read, and the leading <c>JobId &gt;=</c> bound lets both SQLite and PostgreSQL start there.
    /// </summary>
    private async IAsyncEnumerable<Outcome> ReadByJobAsync(int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Outcome? last = null;
        while (true)
        {
            var query = db.Outcomes.AsNoTracking();
            if (last is not null)
            {
                var (job, person, stage, at) = (last.JobId, last.TalentId, last.Stage, last.At);
#pragma warning disable CA1309 // translated to SQL: the database compares the ids, ordinally by its collation
                query = query.Where(o => string.Compare(o.JobId, job) >= 0
                    && (string.Compare(o.JobId, job) > 0
                        || string.Compare(o.TalentId, person) > 0
                        || (o.TalentId == person && (o.Stage > stage || (o.Stage == stage && o.At > at)))));
#pragma warning restore CA1309
            }
            var batch = await query.OrderBy(o => o.JobId).ThenBy(o => o.TalentId).ThenBy(o => o.Stage).ThenBy(o => o.At)
                .Take(batchSize).ToListAsync(ct);
            foreach (var o in batch) yield return o;
            if (batch.Count < batchSize) yield break;
            last = batch[^1];
        }
    }

    /// <summary>The report as people read it.</summary>
    public static string Describe(RankerReport r, int outcomesPairs, SkippedPairs skipped, int fromSnapshot = 0, int shownAfterSplit = 0)
    {
        static string D(DateTime? d) => d?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"outcomes: {outcomesPairs} (job, talent) pairs; {r.Pairs} with features in {r.Groups} job groups; {skipped.Total} left out ({skipped.HardFilter} fail a hard filter so would never be ranked, {skipped.Unknown} name an unknown job or talent, {skipped.Alone} alone in their job)");
        sb.AppendLine("labels: " + string.Join(", ", OutcomeRelevance.LabelNames.Select((n, i) => $"{i} {n} {r.LabelCounts.ElementAtOrDefault(i)}")));
        sb.AppendLine(CultureInfo.InvariantCulture, $"time split at {D(r.SplitAt)}: train {r.TrainGroups} groups / {r.TrainPairs} pairs first shown {D(r.TrainFrom)} .. {D(r.TrainTo)}, labelled with the events before the split ({shownAfterSplit} pairs of their jobs shown after it left out); validate {r.ValidationGroups} groups / {r.ValidationPairs} pairs {D(r.ValidationFrom)} .. {D(r.ValidationTo)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"features: {string.Join(", ", MatchFeatures.Names)} (no protected attribute); {fromSnapshot} pairs as kept when shown, the others recomputed as of their first showing");
        if (r.NotTrained is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"validation NDCG@{LambdaRankTrainer.NdcgDepth}: hand weights {r.NdcgHand:F4}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"not trained: {r.NotTrained}; ranking keeps the hand weights");
            return sb.ToString();
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"model: hand weights corrected by LightGbm LambdaRank trees on the features and the hand score; {r.Shape}, weight {r.Blend:0.##} (one deviation of the trees counts {r.Blend:0.##} deviations of the hand score)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"chosen on the training period only: its latest {r.TuningGroups} groups with a response, each part judged by trees trained on the groups before it; mean gain there {r.TuningGain:+0.0000;-0.0000;0.0000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"validation NDCG@{LambdaRankTrainer.NdcgDepth}: learned {r.NdcgLearned:F4}, hand weights {r.NdcgHand:F4}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"gain: {r.Gain:+0.0000;-0.0000;0.0000} over {r.GainGroups} validation groups, 95% bootstrap interval [{r.GainLow:+0.0000;-0.0000;0.0000}, {r.GainHigh:+0.0000;-0.0000;0.0000}]");
        sb.AppendLine(r.Adopted
            ? "adopted: yes — the whole interval is above 0; the learned model re-ranks the engine's top candidates from now on"
            : "adopted: no — the interval does not lie above 0; ranking keeps the hand weights");
        return sb.ToString();
    }
}
