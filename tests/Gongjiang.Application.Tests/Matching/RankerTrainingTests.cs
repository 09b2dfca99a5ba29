using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Jobs;
using Gongjiang.Market;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Gongjiang.Matching.Ranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Matching;

/// <summary><c>ranker train</c> reads outcomes in keyset batches by job; it must learn exactly what folding the whole table at once learns.</summary>
public sealed class RankerTrainingTests
{
    private static readonly RankerTrainingOptions Quick = new() { Shapes = [new(25, 3)], Blends = [0.5, 1] };

    /// <summary>A generated market and its outcomes, the outcomes stored in shuffled order so ids do not follow jobs.</summary>
    private static async Task<int> SeedAsync(TestDatabase database)
    {
        var market = MarketGenerator.Generate(new MarketSpec(30, 400, 2_500, 5), TaxonomyCatalog.Default);
        var outcomes = MarketGenerator.GenerateOutcomes(market, 5, jobsSampled: 220, recommendationsPerJob: 16).ToList();
        var random = new Random(5);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(outcomes));
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Employers.AddRange(market.Employers);
        db.Jobs.AddRange(market.Jobs);
        db.Talent.AddRange(market.Talent);
        await db.SaveChangesAsync();
        db.Outcomes.AddRange(outcomes.Select(o => new Outcome { JobId = o.JobId, TalentId = o.TalentId, Stage = o.Stage, At = o.At }));
        await db.SaveChangesAsync();
        return outcomes.Count;
    }

    /// <summary>The whole outcome table folded in memory, job by job in id order, split where the last fifth of the jobs were first shown.</summary>
    private static async Task<(TreeEnsembleModel? Model, RankerReport Report, string Text)> TrainInMemoryAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outcomes = await db.Outcomes.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var pairs = OutcomeRelevance.Pairs(outcomes);
        var jobIds = pairs.Select(p => p.JobId).ToHashSet();
        var talentIds = pairs.Select(p => p.TalentId).ToHashSet();
        var jobs = (await db.Jobs.AsNoTracking().ToListAsync()).Where(j => jobIds.Contains(j.Id)).ToList();
        var talent = (await db.Talent.AsNoTracking().ToListAsync()).Where(t => talentIds.Contains(t.Id)).ToList();
        foreach (var j in jobs) j.Status = JobStatus.Open;
        foreach (var t in talent) t.IsActive = true;
        var engine = MatchingEngine.Build(scope.ServiceProvider.GetRequiredService<TaxonomyCatalog>(), jobs, talent,
            scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var splitAt = RankingGroups.CutTime(outcomes.GroupBy(o => o.JobId).Select(g => g.Min(o => o.At)), Quick.ValidationShare);
        var stream = OutcomeGroupStream.For(engine, labelsCutAt: splitAt);
        foreach (var o in outcomes.OrderBy(o => o.JobId, StringComparer.Ordinal).ThenBy(o => o.Id)) stream.Add(o);
        var groups = stream.Complete();
        var (model, report) = LambdaRankTrainer.Train(groups, stream.Skipped.Total, HandWeights.Default, Quick, splitAt);
        return (model, report, RankerService.Describe(report, stream.Pairs, stream.Skipped, 0, stream.ShownAfterCut));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Training_from_outcomes_read_in_many_small_batches_equals_folding_the_whole_table_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var outcomeCount = await SeedAsync(database);
        const int batch = 97;
        Assert.True(outcomeCount > 40 * batch, $"{outcomeCount} outcomes should span many batches of {batch}");

        var expected = await TrainInMemoryAsync(database);
        RankerService.Result streamed;
        await using (var scope = database.Scope())
            streamed = await scope.ServiceProvider.GetRequiredService<RankerService>().TrainAsync(Quick, batchSize: batch);

        Assert.NotNull(expected.Model);
        Assert.Null(streamed.Report.NotTrained);
        Assert.True(streamed.Report.Groups > 100, $"{streamed.Report.Groups} groups");
        Assert.Equal(expected.Report with { LabelCounts = [] }, streamed.Report with { LabelCounts = [] });
        Assert.Equal(expected.Report.LabelCounts, streamed.Report.LabelCounts);
        Assert.Equal(expected.Text, streamed.Text);
        await using (var scope = database.Scope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<RankingModelRecord>().AsNoTracking().SingleAsync(r => r.Id == streamed.RecordId);
            Assert.Equal(expected.Model!.ToJson(), record.Model);
            Assert.Equal(expected.Report.NdcgLearned, record.NdcgLearned);
        }

        // One batch of everything reads the same.
        await using (var scope = database.Scope())
        {
            var single = await scope.ServiceProvider.GetRequiredService<RankerService>().TrainAsync(Quick, batchSize: outcomeCount + 1);
            Assert.Equal(streamed.Text, single.Text);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pair_shown_in_recommendations_is_kept_as_shown_and_trains_with_those_features_after_a_later_profile_edit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        // The market's postings lie in the past: the first one is still open today.
        var job = await db.Jobs.OrderBy(j => j.Id).FirstAsync();
        (job.Status, job.ExpiresAt) = (JobStatus.Open, null);
        await db.SaveChangesAsync();
        Assert.True(job.IsOpenOn(today));

        // HR opens 推荐人才: every pair shown is kept with the features it was shown with, and the showing is an outcome.
        var shown = (await services.RunAsAsync(Acting.Hr(job.EmployerId), new RecommendTalent.Query(job.Id, 10))).Value.Rows;
        Assert.NotEmpty(shown);
        var kept = await db.Set<PairSnapshot>().AsNoTracking().Where(s => s.JobId == job.Id).ToDictionaryAsync(s => s.TalentId);
        Assert.Equal(shown.Select(r => r.Match.TalentId).Order(StringComparer.Ordinal), kept.Keys.Order(StringComparer.Ordinal));
        foreach (var row in shown) Assert.Equal(PairSnapshot.Format(row.Match.Features), kept[row.Match.TalentId].Features);
        var impressions = await db.Outcomes.AsNoTracking().Where(o => o.JobId == job.Id && o.Stage == OutcomeStage.Recommended
            && kept.Keys.Contains(o.TalentId) && o.At == kept.Values.First().ShownAt).CountAsync();
        Assert.Equal(shown.Count, impressions);

        // The first candidate then rewrites the profile (no skills, twenty more years): today's features change…
        var talentId = shown[0].Match.TalentId;
        var talent = await db.Talent.SingleAsync(t => t.Id == talentId);
        talent.Skills = [];
        talent.ExperienceYears += 20;
        await db.SaveChangesAsync();
        var engine = await services.GetRequiredService<MatchingIndex>().GetAsync();
        var now = engine.Explain(job.Id, talentId, new MatchOptions { WithReasons = false })!.Features;
        Assert.NotEqual(kept[talentId].Features, PairSnapshot.Format(now));

        // …but showing the list again keeps the first snapshot and records no second showing,
        await services.RunAsAsync(Acting.Hr(job.EmployerId), new RecommendTalent.Query(job.Id, 50));
        var again = await db.Set<PairSnapshot>().AsNoTracking().SingleAsync(s => s.JobId == job.Id && s.TalentId == talentId);
        Assert.Equal(kept[talentId].Features, again.Features);
        Assert.Equal(1, await db.Outcomes.CountAsync(o => o.JobId == job.Id && o.TalentId == talentId && o.Stage == OutcomeStage.Recommended
            && o.At >= again.ShownAt));

        // and training reads the kept features for every shown pair it uses rather than recomputing them from today's profile.
        var trained = await services.GetRequiredService<RankerService>().TrainAsync(Quick);
        var fromSnapshot = int.Parse(System.Text.RegularExpressions.Regex.Match(trained.Text, @"(\d+) pairs as kept when shown").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(fromSnapshot >= 1, trained.Text);
        Assert.True(fromSnapshot <= (await db.Set<PairSnapshot>().CountAsync()), trained.Text);
    }

    [Fact]
    public void A_snapshot_kept_before_the_work_record_was_a_feature_reads_with_the_work_record_unknown()
    {
        var now = new MatchFeatures { Occupation = 1, Grade = 0.8f, Skills = 0.5f, Location = 0.9f, WorkRecord = 1 };
        var before = string.Join(',', PairSnapshot.Format(now).Split(',').Take(MatchFeatures.Count - 1));

        Assert.Equal(now, PairSnapshot.Parse(PairSnapshot.Format(now)));
        Assert.Equal(now with { WorkRecord = 0.5f }, PairSnapshot.Parse(before));
        Assert.Null(PairSnapshot.Parse("1,2,3"));
        Assert.Null(PairSnapshot.Parse(before + ",x"));
    }
}
