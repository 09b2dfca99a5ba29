using Gongjiang.Matching.Engine;
using Gongjiang.Matching.Ranking;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Ranking;

public sealed class PresentedScoreTests
{
    // Raw scores of -5 or -2: a learned ranker's scores are unbounded and often negative.
    private static readonly TreeEnsembleModel NegativeModel =
        new(-3f, [new TreeEnsembleModel.Tree([0], [0.5f], [~0], [~1], [-2f, 1f])]);

    [Fact]
    public void A_learned_models_scores_are_shown_between_0_and_1_in_the_same_order()
    {
        var engine = Index([WelderJob()], [WelderTalent("T1"), WelderTalent("T2", grade: 5), ElectricianTalent("T3", city: Huangdao)]);
        var options = Options with { Reranker = NegativeModel };

        var results = engine.TalentForJob("J1", 10, options);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.InRange(r.Score, 0.0001f, 0.9999f));
        Assert.All(results, r => Assert.Equal(NegativeModel.Present(NegativeModel.Score(r.Features)), r.Score));
        Assert.Equal(results.Select(r => r.Score).OrderByDescending(s => s), results.Select(r => r.Score));
    }

    [Fact]
    public void Presenting_keeps_the_order_and_never_gives_nonsense()
    {
        Assert.True(NegativeModel.Present(-5f) < NegativeModel.Present(-2f));
        Assert.True(NegativeModel.Present(-2f) < NegativeModel.Present(3f));
        Assert.Equal(0f, NegativeModel.Present(float.NaN));
        Assert.InRange(NegativeModel.Present(1e9f), 0f, 1f);
        Assert.InRange(NegativeModel.Present(-1e9f), 0f, 1f);
    }

    [Fact]
    public void Hand_weighted_scores_are_shown_as_they_are()
    {
        var engine = Index([WelderJob()], [WelderTalent()]);

        var result = Assert.Single(engine.TalentForJob("J1", 10, Options));

        Assert.Equal(HandWeights.Default.Score(result.Features), result.Score);
    }

    [Fact]
    public void A_model_of_hand_weights_without_trees_scores_and_shows_exactly_as_the_hand_weights()
    {
        var engine = Index([WelderJob()], [WelderTalent("T1"), WelderTalent("T2", grade: 5), ElectricianTalent("T3", city: Huangdao)]);
        var handOnly = new TreeEnsembleModel(0f, [], TreeEnsembleModel.WeightsOf(HandWeights.Default), 1f);

        var byHand = engine.TalentForJob("J1", 10, Options);
        var byModel = engine.TalentForJob("J1", 10, Options with { Reranker = handOnly });

        Assert.NotEmpty(byHand);
        Assert.Equal(byHand.Select(r => (r.TalentId, r.Score)), byModel.Select(r => (r.TalentId, r.Score)));
    }

    [Fact]
    public void Trees_correct_the_hand_score_by_their_scaled_sum_and_the_hand_score_is_one_of_their_inputs()
    {
        // One tree: +1 when the hand score is above 0.5, else -1; counted at a quarter.
        var tree = new TreeEnsembleModel.Tree([TreeEnsembleModel.HandScoreInput], [0.5f], [~0], [~1], [-1f, 1f]);
        var model = TreeEnsembleModel.FromJson(new TreeEnsembleModel(0f, [tree], TreeEnsembleModel.WeightsOf(HandWeights.Default), 0.25f).ToJson())!;
        var strong = new MatchFeatures { Occupation = 1, Grade = 1, Skills = 1, Experience = 1, Text = 1, Location = 1 };
        var weak = new MatchFeatures { Occupation = 0.1f, Location = 0.6f };

        Assert.Equal(HandWeights.Default.Score(strong) + 0.25f, model.Score(strong), 5);
        Assert.Equal(HandWeights.Default.Score(weak) - 0.25f, model.Score(weak), 5);
        Assert.Equal(0.9999f, model.Present(model.Score(strong)));
        Assert.Equal(0.0001f, model.Present(model.Score(weak)));
    }

    [Fact]
    public void A_stored_model_of_trees_alone_still_reads_and_scores_as_it_did()
    {
        const string stored = """{"kind":"lambdarank-trees/1","features":["occupation","grade","skills","experience","salary","job_recency","talent_recency","text","location","skills_stated"],"bias":-3,"trees":[{"feature":[0],"threshold":[0.5],"left":[-1],"right":[-2],"leaf":[-2,1]}]}""";

        var model = TreeEnsembleModel.FromJson(stored)!;

        Assert.Null(model.HandWeights);
        Assert.Equal(NegativeModel.Score(new MatchFeatures { Occupation = 1 }), model.Score(new MatchFeatures { Occupation = 1 }));
        Assert.Equal(-5f, model.Score(new MatchFeatures { Occupation = 0.2f }));
    }
}
