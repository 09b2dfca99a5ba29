using Gongjiang.Core.Jobs;
using Gongjiang.Market;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Gongjiang.Matching.Ranking;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gongjiang.Matching.Tests.Ranking;

public class LearnedRankingTests
{
    private static readonly Lazy<(SyntheticMarket Market, MatchingEngine Engine, IReadOnlyList<RankingGroup> Groups, int Skipped, IReadOnlyList<Outcome> Outcomes)> Data = new(() =>
    {
        var market = MarketGenerator.Generate(new MarketSpec(60, 1_200, 8_000, 7), TaxonomyCatalog.Default);
        var outcomes = MarketGenerator.GenerateOutcomes(market, 7, jobsSampled: 600, recommendationsPerJob: 20);
        // The jobs and people as they were when the outcomes happened: open and active.
        var jobs = market.Jobs.Select(j => { j.Status = JobStatus.Open; return j; }).ToList();
        var talent = market.Talent.Select(t => { t.IsActive = true; return t; }).ToList();
        var engine = MatchingEngine.Build(market.Catalog, jobs, talent);
        var groups = OutcomeFeatures.Groups(engine, OutcomeRelevance.Pairs(outcomes), out var skipped);
        return (market, engine, groups, skipped.Total, outcomes);
    });

    [Fact]
    public void Outcomes_become_graded_labels_by_the_furthest_stage_reached()
    {
        var at = new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc);
        Outcome O(string talent, OutcomeStage stage, int hours) => new() { JobId = "J1", TalentId = talent, Stage = stage, At = at.AddHours(hours) };
        var pairs = OutcomeRelevance.Pairs(
        [
            O("T1", OutcomeStage.Recommended, 0), O("T1", OutcomeStage.Viewed, 1), O("T1", OutcomeStage.Applied, 2),
            O("T1", OutcomeStage.Interviewed, 3), O("T1", OutcomeStage.Rejected, 4),
            O("T2", OutcomeStage.Recommended, 0),
            O("T3", OutcomeStage.Offered, 9), O("T3", OutcomeStage.Recommended, 5), O("T3", OutcomeStage.Hired, 10),
            O("T4", OutcomeStage.Withdrawn, 6),
        ]);

        Assert.Equal([("T1", 4), ("T2", 0), ("T3", 6), ("T4", 0)], pairs.Select(p => (p.TalentId, p.Label)));
        Assert.Equal(at.AddHours(5), pairs.Single(p => p.TalentId == "T3").FirstAt);
    }

    [Fact]
    public void The_ranker_learns_from_market_outcomes_and_reports_its_gain_over_the_hand_weights_on_later_outcomes()
    {
        var (_, _, groups, _, _) = Data.Value;

        var (model, report) = LambdaRankTrainer.Train(groups, 0);

        Assert.NotNull(model);
        Assert.Null(report.NotTrained);
        Assert.True(report.TrainGroups > report.ValidationGroups);
        Assert.True(report.TrainTo <= report.ValidationFrom, "validation outcomes come after the training ones");
        Assert.True(report.LabelCounts[6] > 0, "some outcomes end in a hire");
        Assert.Equal(report.NdcgLearned - report.NdcgHand, report.Gain, 9);
        Assert.Equal(report.GainGroups > 0 && report.GainLow > 0, report.Adopted);
        Assert.Contains(report.Shape, new RankerTrainingOptions().Shapes);
        Assert.True(report.TuningGroups > 0, "the shape and blend were judged on the training period's later groups");
        Assert.InRange(report.Gain, report.GainLow, report.GainHigh);
    }

    [Fact]
    public void The_validation_outcomes_play_no_part_in_choosing_or_training_the_model()
    {
        var (_, _, groups, _, _) = Data.Value;
        var options = new RankerTrainingOptions { Shapes = [new(30, 3), new(30, 7)], Blends = [0.5, 2] };
        var compact = CompactRankingGroup.From(groups);
        var (model, report) = LambdaRankTrainer.Train(compact, 0, options: options);

        // The same groups with every validation label turned upside down.
        var flipped = compact.Select(g => g.At < report.SplitAt ? g
            : new CompactRankingGroup(g.JobId, g.At, g.Features, g.Labels.Select(l => (byte)(OutcomeRelevance.MaxLabel - l)).ToArray())).ToList();
        var (again, reportAgain) = LambdaRankTrainer.Train(flipped, 0, options: options);

        Assert.Equal((report.Shape, report.Blend, report.TuningGroups, report.TuningGain), (reportAgain.Shape, reportAgain.Blend, reportAgain.TuningGroups, reportAgain.TuningGain));
        Assert.Equal(model!.ToJson(), again!.ToJson());
        Assert.NotEqual(report.NdcgLearned, reportAgain.NdcgLearned);
    }

    [Fact]
    public void A_stored_model_scores_exactly_as_the_trained_one()
    {
        var (_, _, groups, _, _) = Data.Value;
        var model = LambdaRankTrainer.Fit(groups.Take(200).ToList(), new RankerTrainingOptions { Shapes = [new(20, 7)] });

        var restored = TreeEnsembleModel.FromJson(model.ToJson())!;

        foreach (var item in groups.Skip(200).Take(50).SelectMany(g => g.Items))
            Assert.Equal(model.Score(item.Features), restored.Score(item.Features));
    }

    [Fact]
    public void With_the_learned_ranker_a_change_of_gender_or_birth_year_gives_identical_scores()
    {
        var (market, engine, groups, _, _) = Data.Value;
        var model = LambdaRankTrainer.Fit(groups.Take(300).ToList(), new RankerTrainingOptions { Shapes = [new(40, 7)] });
        var options = new MatchOptions { Today = market.Spec.EffectiveToday, Reranker = model };
        var job = groups[^1].JobId;
        var before = engine.TalentForJob(job, 30, options);
        Assert.NotEmpty(before);

        foreach (var r in before)
        {
            var t = market.Talent.First(x => x.Id == r.TalentId);
            t.Gender = t.Gender == "male" ? "female" : "male";
            t.BirthYear = t.BirthYear is { } y ? y - 25 : 1970;
            engine.Upsert(t);
        }
        var after = engine.TalentForJob(job, 30, options);

        Assert.Equal(before.Select(r => (r.TalentId, r.Score)), after.Select(r => (r.TalentId, r.Score)));
    }

    [Fact]
    public void Outcomes_streamed_job_by_job_give_the_same_groups_report_and_model_as_folding_them_all_at_once()
    {
        var (_, engine, groups, skipped, outcomes) = Data.Value;
        var options = new RankerTrainingOptions { Shapes = [new(30, 3)], Blends = [0.5, 1] };
        var expected = LambdaRankTrainer.Train(groups, skipped, options: options);

        // As the database hands them out: by job, talent, stage and time, not in the order they happened.
        var stream = OutcomeGroupStream.For(engine);
        foreach (var o in outcomes.OrderBy(o => o.JobId, StringComparer.Ordinal).ThenBy(o => o.TalentId, StringComparer.Ordinal).ThenBy(o => o.Stage).ThenBy(o => o.At))
            stream.Add(o);
        var streamed = stream.Complete();

        Assert.Equal(OutcomeRelevance.Pairs(outcomes).Count, stream.Pairs);
        Assert.Equal(skipped, stream.Skipped.Total);
        Assert.Equal(groups.Count, streamed.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            Assert.Equal((groups[g].JobId, groups[g].At), (streamed[g].JobId, streamed[g].At));
            Assert.Equal(groups[g].Items.Select(i => (byte)i.Label), streamed[g].Labels);
            Assert.Equal(groups[g].Items.SelectMany(i => i.Features.ToArray()), streamed[g].Features);
        }
        var actual = LambdaRankTrainer.Train(streamed, stream.Skipped.Total, options: options);
        Assert.Equal(expected.Report with { LabelCounts = [] }, actual.Report with { LabelCounts = [] });
        Assert.Equal(expected.Report.LabelCounts, actual.Report.LabelCounts);
        Assert.NotNull(actual.Model);
        Assert.Equal(expected.Model!.ToJson(), actual.Model.ToJson());
    }

    [Fact]
    public void A_job_whose_outcomes_come_back_after_another_job_started_is_refused()
    {
        var at = new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc);
        var stream = new OutcomeGroupStream(_ => new MatchFeatures());
        stream.Add(new Outcome { Id = 1, JobId = "J1", TalentId = "T1", Stage = OutcomeStage.Recommended, At = at });
        stream.Add(new Outcome { Id = 2, JobId = "J2", TalentId = "T1", Stage = OutcomeStage.Recommended, At = at });

        Assert.Throws<InvalidOperationException>(() => stream.Add(new Outcome { Id = 3, JobId = "J1", TalentId = "T2", Stage = OutcomeStage.Applied, At = at }));
    }

    [Fact]
    public void Training_from_the_compact_rows_equals_training_from_a_list_of_separate_row_objects()
    {
        var (_, _, groups, _, _) = Data.Value;
        var options = new RankerTrainingOptions { Shapes = [new(30, 7)] };
        var train = groups.Take(250).ToList();
        var model = LambdaRankTrainer.Fit(train, options);

        // The plain way: one row object per item (its features, then its hand score), all in a list.
        static float[] Input(MatchFeatures f) => [.. f.ToArray(), HandWeights.Default.Score(f)];
        var ml = new MLContext(options.Seed);
        var rows = train.SelectMany((g, index) => g.Items.Select(i => new LambdaRankTrainer.Row { Label = i.Label, Group = (uint)index, Features = Input(i.Features) })).ToList();
        var fitted = LambdaRankTrainer.Estimator(ml, options, options.Shapes[0]).Fit(ml.Data.LoadFromEnumerable(rows));
        var later = groups.Skip(250).Take(60).SelectMany(g => g.Items).ToList();
        var scores = fitted.Transform(ml.Data.LoadFromEnumerable(later.Select(i => new LambdaRankTrainer.Row { Features = Input(i.Features) })))
            .GetColumn<float>("Score").ToArray();

        Assert.Equal(later.Count, scores.Length);
        for (var i = 0; i < later.Count; i++)
        {
            // The learned score is the hand score plus the scaled trees.
            var trees = model.Corrections(Input(later[i].Features));
            Assert.True(Math.Abs(trees - scores[i]) <= 1e-4f * Math.Max(1f, Math.Abs(scores[i])), $"item {i}: {trees} vs {scores[i]}");
            var expected = HandWeights.Default.Score(later[i].Features) + model.Scale * trees;
            Assert.True(Math.Abs(model.Score(later[i].Features) - expected) <= 1e-5f, $"item {i}: {model.Score(later[i].Features)} vs {expected}");
        }
        Assert.True(model.Scale > 0);
    }
}
