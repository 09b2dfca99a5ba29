using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Ranking;

/// <summary>
/// A learned ranker: the hand weights' score corrected by a sum of regression trees, <c>hand + scale × (bias + Σ trees)</c>.
/// The trees read <see cref="MatchFeatures"/> and the hand score itself (input <see cref="HandScoreInput"/>), so they learn
/// corrections of the hand order rather than an order of their own. Without hand weights (a model of kind 1) the score is
/// the trees alone. Evaluated by this small, allocation-free loop rather than by ML.NET, so the engine can re-score
/// candidates from any thread, and stored as JSON (in the database).
/// </summary>
public sealed class TreeEnsembleModel : IScoringModel
{
    public const string Kind = "lambdarank-trees/2";
    private const string TreesOnlyKind = "lambdarank-trees/1";

    /// <summary>The trees' input after the features: the score under <see cref="HandWeights"/>.</summary>
    public const int HandScoreInput = MatchFeatures.Count;
    public const int InputCount = MatchFeatures.Count + 1;
    public static readonly IReadOnlyList<string> InputNames = [.. MatchFeatures.Names, "hand_score"];

    private readonly Tree[] _trees;
    private readonly float[]? _hand;

    /// <param name="handWeights">The linear score the trees correct, one weight per feature in <see cref="MatchFeatures.Names"/>
    /// order; null for trees alone.</param>
    /// <param name="scale">How much the trees' sum counts against the hand score.</param>
    public TreeEnsembleModel(float bias, IReadOnlyList<Tree> trees, IReadOnlyList<float>? handWeights = null, float scale = 1f)
    {
        if (handWeights is not null && handWeights.Count != MatchFeatures.Count) throw new FormatException($"Needs {MatchFeatures.Count} hand weights.");
        if (!float.IsFinite(scale) || scale < 0) throw new FormatException("The trees' scale must be a finite number ≥ 0.");
        Bias = bias;
        Scale = scale;
        _hand = handWeights is null ? null : [.. handWeights];
        _trees = [.. trees];
        foreach (var t in _trees) t.Validate();
    }

    public float Bias { get; }
    public float Scale { get; }
    public IReadOnlyList<Tree> Trees => _trees;
    /// <summary>The hand weights the trees correct, or null when the trees alone score.</summary>
    public IReadOnlyList<float>? HandWeights => _hand;

    /// <summary>The weights of <paramref name="hand"/> in <see cref="MatchFeatures.Names"/> order.</summary>
    public static float[] WeightsOf(Gongjiang.Matching.Engine.HandWeights hand)
    {
        ArgumentNullException.ThrowIfNull(hand);
        return [hand.Occupation, hand.Grade, hand.Skills, hand.Experience, hand.Salary, hand.JobRecency, hand.TalentRecency, hand.Text, hand.Location, hand.SkillsStated, hand.WorkRecord];
    }

    /// <summary>One tree. Node i sends a row left when feature <see cref="Feature"/>[i] ≤ <see cref="Threshold"/>[i]; a child
    /// index c &lt; 0 is leaf ~c. Leaf values already include the tree's weight.</summary>
    public sealed record Tree(int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Leaf)
    {
        internal void Validate()
        {
            var nodes = Feature.Length;
            if (Threshold.Length != nodes || Left.Length != nodes || Right.Length != nodes || Leaf.Length != Math.Max(1, nodes + 1))
                throw new FormatException("Inconsistent tree arrays.");
            for (var i = 0; i < nodes; i++)
            {
                if (Feature[i] is < 0 or >= InputCount) throw new FormatException($"Feature index {Feature[i]} out of range.");
                foreach (var c in (ReadOnlySpan<int>)[Left[i], Right[i]])
                    if (c >= nodes || (c < 0 && ~c >= Leaf.Length) || (c >= 0 && c <= i)) throw new FormatException("Bad child index.");
            }
        }
    }

    public float Score(in MatchFeatures features)
    {
        Span<float> x = stackalloc float[InputCount];
        features.CopyTo(x);
        if (_hand is null) return Corrections(x);
        var hand = 0f;
        for (var i = 0; i < MatchFeatures.Count; i++) hand += _hand[i] * x[i];
        x[HandScoreInput] = hand;
        return hand + Scale * Corrections(x);
    }

    /// <summary>The trees' sum with the bias for one input row (<see cref="InputCount"/> values: the features, then the hand score).</summary>
    public float Corrections(ReadOnlySpan<float> input)
    {
        var sum = Bias;
        foreach (var tree in _trees)
        {
            if (tree.Feature.Length == 0) { sum += tree.Leaf[0]; continue; }
            var node = 0;
            while (node >= 0) node = input[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
            sum += tree.Leaf[~node];
        }
        return sum;
    }

    /// <summary>
    /// A corrected hand score is on the hand weights' scale and is shown as they show theirs, within [0, 1]. The trees alone
    /// give an unbounded (often negative) score; the logistic function maps it to (0, 1) keeping the order. Both are
    /// rounded away from the ends so a shown score never reads as a certainty.
    /// </summary>
    public float Present(float score)
    {
        if (!float.IsFinite(score)) return 0f;
        return Math.Clamp(_hand is null ? 1f / (1f + MathF.Exp(-score)) : score, 0.0001f, 0.9999f);
    }

    private sealed record Document(string Kind, IReadOnlyList<string> Features, float Bias, Tree[] Trees, float[]? HandWeights = null, float Scale = 1f);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToJson() => JsonSerializer.Serialize(new Document(Kind, InputNames, Bias, _trees, _hand, Scale), Json);

    /// <summary>Reads a stored model; null when it was trained on another feature set (it would misread today's features).</summary>
    public static TreeEnsembleModel? FromJson(string json)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Json) ?? throw new FormatException("Empty model.");
        return doc.Kind switch
        {
            Kind when doc.Features.SequenceEqual(InputNames) && doc.HandWeights is not null => new TreeEnsembleModel(doc.Bias, doc.Trees, doc.HandWeights, doc.Scale),
            // Trees alone, as the first kind was trained, over the features of then (the first ones of today's, in the same order).
            TreesOnlyKind when doc.Features.Count <= MatchFeatures.Count && doc.Features.SequenceEqual(MatchFeatures.Names.Take(doc.Features.Count))
                && doc.Trees.All(t => t.Feature.All(f => f < doc.Features.Count))
                => new TreeEnsembleModel(doc.Bias, doc.Trees),
            _ => null,
        };
    }
}
