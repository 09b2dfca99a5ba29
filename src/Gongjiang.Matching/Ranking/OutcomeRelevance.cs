using Gongjiang.Core.Recruiting;

namespace Gongjiang.Matching.Ranking;

/// <summary>One (job, talent) pair as the outcomes saw it: how far it got and when it was first shown.</summary>
public sealed record PairOutcome(string JobId, string TalentId, int Label, DateTime FirstAt);

/// <summary>
/// Graded relevance from recruiting outcomes: recommended 0 &lt; viewed 1 &lt; applied 2 &lt; invited 3 &lt; interviewed 4
/// &lt; offered 5 &lt; hired 6. A rejection or withdrawal adds nothing: the pair keeps the furthest positive stage it reached.
/// </summary>
public static class OutcomeRelevance
{
    public const int MaxLabel = 6;

    public static readonly IReadOnlyList<string> LabelNames = ["recommended", "viewed", "applied", "invited", "interviewed", "offered", "hired"];

    /// <summary>The label a stage stands for, or -1 for rejected and withdrawn.</summary>
    public static int Of(OutcomeStage stage) => stage switch
    {
        OutcomeStage.Recommended => 0,
        OutcomeStage.Viewed => 1,
        OutcomeStage.Applied => 2,
        OutcomeStage.Invited => 3,
        OutcomeStage.Interviewed => 4,
        OutcomeStage.Offered => 5,
        OutcomeStage.Hired => 6,
        _ => -1,
    };

    /// <summary>Folds outcome events (any order) into one labelled pair per (job, talent), in order of first appearance.</summary>
    public static IReadOnlyList<PairOutcome> Pairs(IEnumerable<Outcome> outcomes)
    {
        var pairs = new Dictionary<(string, string), (int Label, DateTime First, int Order)>();
        var order = 0;
        foreach (var o in outcomes)
        {
            var key = (o.JobId, o.TalentId);
            var label = Of(o.Stage);
            if (pairs.TryGetValue(key, out var p))
                pairs[key] = (Math.Max(p.Label, label), o.At < p.First ? o.At : p.First, p.Order);
            else
                pairs[key] = (label, o.At, order++);
        }
        return pairs.OrderBy(p => p.Value.Order)
            // A pair known only from a rejection or withdrawal was at least recommended.
            .Select(p => new PairOutcome(p.Key.Item1, p.Key.Item2, Math.Max(0, p.Value.Label), p.Value.First))
            .ToList();
    }
}
