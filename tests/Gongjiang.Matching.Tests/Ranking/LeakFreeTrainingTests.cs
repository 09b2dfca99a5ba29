using Gongjiang.Core.Recruiting;
using Gongjiang.Matching.Engine;
using Gongjiang.Matching.Ranking;

namespace Gongjiang.Matching.Tests.Ranking;

/// <summary>Training sees only what was known at the split time; a model is adopted only when its gain clears the bootstrap interval.</summary>
public sealed class LeakFreeTrainingTests
{
    private static readonly DateTime Split = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Outcome Event(long id, string job, string talent, OutcomeStage stage, DateTime at) =>
        new() { Id = id, JobId = job, TalentId = talent, Stage = stage, At = at };

    [Fact]
    public void A_training_group_keeps_the_labels_known_at_the_split_and_only_the_pairs_shown_before_it()
    {
        var before = Split.AddDays(-3);
        var stream = new OutcomeGroupStream(_ => new MatchFeatures { Skills = 0.5f }) { LabelsCutAt = Split };
        stream.Add(Event(1, "J1", "T1", OutcomeStage.Recommended, before));
        stream.Add(Event(2, "J1", "T1", OutcomeStage.Applied, before.AddDays(1)));
        stream.Add(Event(3, "J1", "T1", OutcomeStage.Hired, Split.AddDays(2)));   // after the split: not known yet
        stream.Add(Event(4, "J1", "T2", OutcomeStage.Recommended, before));
        stream.Add(Event(5, "J1", "T3", OutcomeStage.Recommended, Split.AddDays(1))); // shown after the split
        stream.Add(Event(6, "J2", "T1", OutcomeStage.Recommended, Split.AddDays(1)));  // a validation group keeps everything
        stream.Add(Event(7, "J2", "T1", OutcomeStage.Hired, Split.AddDays(9)));
        stream.Add(Event(8, "J2", "T2", OutcomeStage.Recommended, Split.AddDays(1)));
        var groups = stream.Complete();

        var train = groups.Single(g => g.JobId == "J1");
        Assert.Equal([OutcomeRelevance.Of(OutcomeStage.Applied), 0], train.Labels.Select(l => (int)l));
        Assert.Equal(1, stream.ShownAfterCut);
        var validation = groups.Single(g => g.JobId == "J2");
        Assert.Equal([OutcomeRelevance.Of(OutcomeStage.Hired), 0], validation.Labels.Select(l => (int)l));
        var (trainGroups, validationGroups) = RankingGroups.SplitAt(groups, Split);
        Assert.Equal(["J1"], trainGroups.Select(g => g.JobId));
        Assert.Equal(["J2"], validationGroups.Select(g => g.JobId));
    }

    [Fact]
    public void The_gain_interval_is_zero_wide_for_the_same_model_and_above_zero_for_a_clearly_better_one()
    {
        var groups = Enumerable.Range(0, 60).Select(g =>
        {
            // The relevant item has the higher skill coverage but the lower text overlap.
            var relevant = new MatchFeatures { Skills = 0.9f, Text = 0.1f };
            var other = new MatchFeatures { Skills = 0.2f, Text = 0.9f };
            return CompactRankingGroup.From(new RankingGroup($"J{g}", Split.AddHours(g), [new("T1", 0, other), new("T2", 3, relevant)]));
        }).ToList();
        var options = new RankerTrainingOptions { BootstrapResamples = 500 };
        var textOnly = new HandWeights { Occupation = 0, Grade = 0, Skills = 0, Experience = 0, Salary = 0, JobRecency = 0, TalentRecency = 0, Text = 1, Location = 0 };
        var skillsOnly = textOnly with { Skills = 1, Text = 0 };

        var (same, sameLow, sameHigh) = LambdaRankTrainer.GainInterval(groups, textOnly, textOnly, options);
        Assert.Equal(60, same.Length);
        Assert.Equal((0d, 0d), (sameLow, sameHigh));

        var (_, low, high) = LambdaRankTrainer.GainInterval(groups, skillsOnly, textOnly, options);
        Assert.True(low > 0 && high >= low, $"[{low}, {high}]");
        var (_, worseLow, _) = LambdaRankTrainer.GainInterval(groups, textOnly, skillsOnly, options);
        Assert.True(worseLow < 0);
    }

    [Fact]
    public void A_ranker_whose_gain_interval_crosses_zero_is_refused_and_one_whose_interval_lies_above_zero_is_adopted()
    {
        // The hand weights rank by text, the other model by skills; the relevant item wins on skills in half of the
        // groups and on text in the other half, so neither is better.
        var relevantBySkills = new MatchFeatures { Skills = 0.9f, Text = 0.1f };
        var relevantByText = new MatchFeatures { Skills = 0.1f, Text = 0.9f };
        var groups = Enumerable.Range(0, 80).Select(g =>
        {
            var (relevant, other) = g % 2 == 0 ? (relevantBySkills, relevantByText) : (relevantByText, relevantBySkills);
            return CompactRankingGroup.From(new RankingGroup($"J{g}", Split.AddHours(g), [new("T1", 0, other), new("T2", 3, relevant)]));
        }).ToList();
        var options = new RankerTrainingOptions { BootstrapResamples = 500 };
        var textOnly = new HandWeights { Occupation = 0, Grade = 0, Skills = 0, Experience = 0, Salary = 0, JobRecency = 0, TalentRecency = 0, Text = 1, Location = 0 };
        var skillsOnly = textOnly with { Skills = 1, Text = 0 };

        var (gains, low, high) = LambdaRankTrainer.GainInterval(groups, skillsOnly, textOnly, options);

        Assert.True(low < 0 && high > 0, $"[{low}, {high}]");
        Assert.False(LambdaRankTrainer.Adopts(gains.Length, low));
        // Right at zero is not above it either; nor is an interval over no groups.
        Assert.False(LambdaRankTrainer.Adopts(gains.Length, 0));
        Assert.False(LambdaRankTrainer.Adopts(0, 0.1));

        var better = groups.Where((_, g) => g % 2 == 0).ToList();
        var (betterGains, betterLow, _) = LambdaRankTrainer.GainInterval(better, skillsOnly, textOnly, options);
        Assert.True(LambdaRankTrainer.Adopts(betterGains.Length, betterLow));
    }

    [Fact]
    public void Training_on_outcomes_that_say_nothing_about_the_features_gives_an_interval_across_zero_and_keeps_the_hand_weights()
    {
        // Labels drawn at random: no ranker can honestly beat the hand weights on them.
        var random = new Random(3);
        var groups = Enumerable.Range(0, 400).Select(g => CompactRankingGroup.From(new RankingGroup($"J{g:D3}", Split.AddHours(g),
            Enumerable.Range(0, 8).Select(i => new RankedItem($"T{i}", random.Next(3) == 0 ? random.Next(1, 7) : 0, new MatchFeatures
            {
                Occupation = random.NextSingle(), Grade = random.NextSingle(), Skills = random.NextSingle(), Experience = random.NextSingle(),
                Salary = random.NextSingle(), Text = random.NextSingle(), Location = 1,
            })).ToList()))).ToList();

        var (model, report) = LambdaRankTrainer.Train(groups, 0, options: new RankerTrainingOptions { Shapes = [new(40, 3)], Blends = [0.5, 2], BootstrapResamples = 500 });

        Assert.NotNull(model);
        Assert.True(report.GainLow < 0 && report.GainHigh > 0, $"[{report.GainLow}, {report.GainHigh}]");
        Assert.False(report.Adopted);
    }

    [Fact]
    public void Training_counts_each_label_as_the_judging_ndcg_counts_it()
    {
        for (var label = 1; label <= OutcomeRelevance.MaxLabel; label++)
        {
            // One relevant item of this label in second place among a label-1 item: NDCG = (1 + g/log2 3) / (g + 1/log2 3).
            double gain = LambdaRankTrainer.LabelGains[label];
            var expected = label == 1 ? 1 : (1 + gain / Math.Log2(3)) / (gain + 1 / Math.Log2(3));
            Assert.Equal(expected, Ndcg.At(10, [1, label], [1f, 0f])!.Value, 9);
        }
        Assert.Equal(0, LambdaRankTrainer.LabelGains[0]);
    }
}
