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
}
