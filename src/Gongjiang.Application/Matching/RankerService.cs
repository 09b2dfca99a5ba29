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

    public async Task<Result> TrainAsync(RankerTrainingOptions? options = null, CancellationToken ct = default)
    {
        var outcomes = new List<Outcome>();
        await foreach (var o in db.Outcomes.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) outcomes.Add(o);
        var pairs = OutcomeRelevance.Pairs(outcomes);
        outcomes.Clear();

        // The jobs and people the outcomes name, as they were then: a posting since closed was open when it was shown.
        var jobs = new List<JobPosting>();
        foreach (var chunk in pairs.Select(p => p.JobId).Distinct().Chunk(500))
            jobs.AddRange(await db.Jobs.AsNoTracking().Where(j => chunk.Contains(j.Id)).ToListAsync(ct));
        var talent = new List<Core.Talent.TalentProfile>();
        foreach (var chunk in pairs.Select(p => p.TalentId).Distinct().Chunk(500))
            talent.AddRange(await db.Talent.AsNoTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(ct));
        foreach (var j in jobs) j.Status = JobStatus.Open;
        foreach (var t in talent) t.IsActive = true;
        var engine = MatchingEngine.Build(catalog, jobs, talent, clock);

        var groups = OutcomeFeatures.Groups(engine, pairs, out var skipped);
        var (model, report) = LambdaRankTrainer.Train(groups, skipped.Total, HandWeights.Default, options);
        var text = Describe(report, pairs.Count, skipped);
        var record = new RankingModelRecord
        {
            TrainedAt = clock.GetUtcNow().UtcDateTime, Adopted = report.Adopted, NdcgLearned = report.NdcgLearned, NdcgHand = report.NdcgHand,
            Groups = report.Groups, Pairs = report.Pairs, TrainGroups = report.TrainGroups, ValidationGroups = report.ValidationGroups,
            Report = text, Model = model?.ToJson() ?? "",
        };
        db.Set<RankingModelRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        models.Invalidate();
        return new Result(report, record.Id, text);
    }

    /// <summary>The report as people read it.</summary>
    public static string Describe(RankerReport r, int outcomesPairs, SkippedPairs skipped)
    {
        static string D(DateTime? d) => d?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"outcomes: {outcomesPairs} (job, talent) pairs; {r.Pairs} with features in {r.Groups} job groups; {skipped.Total} left out ({skipped.HardFilter} fail a hard filter so would never be ranked, {skipped.Unknown} name an unknown job or talent, {skipped.Alone} alone in their job)");
        sb.AppendLine("labels: " + string.Join(", ", OutcomeRelevance.LabelNames.Select((n, i) => $"{i} {n} {r.LabelCounts.ElementAtOrDefault(i)}")));
        sb.AppendLine(CultureInfo.InvariantCulture, $"time split: train {r.TrainGroups} groups / {r.TrainPairs} pairs first shown {D(r.TrainFrom)} .. {D(r.TrainTo)}; validate {r.ValidationGroups} groups / {r.ValidationPairs} pairs {D(r.ValidationFrom)} .. {D(r.ValidationTo)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"features: {string.Join(", ", MatchFeatures.Names)} (no protected attribute)");
        if (r.NotTrained is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"validation NDCG@{LambdaRankTrainer.NdcgDepth}: hand weights {r.NdcgHand:F4}");
            sb.AppendLine($"not trained: {r.NotTrained}; ranking keeps the hand weights");
            return sb.ToString();
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"model: LightGbm LambdaRank, {r.Trees} trees");
        sb.AppendLine(CultureInfo.InvariantCulture, $"validation NDCG@{LambdaRankTrainer.NdcgDepth}: learned {r.NdcgLearned:F4}, hand weights {r.NdcgHand:F4}");
        sb.AppendLine(r.Adopted
            ? "adopted: yes — the learned model re-ranks the engine's top candidates from now on"
            : "adopted: no — it does not beat the hand weights on later outcomes; ranking keeps the hand weights");
        return sb.ToString();
    }
}
