using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Ranking;

/// <summary>
/// A learned ranker: a sum of regression trees over <see cref="MatchFeatures"/>. Evaluated by this small, allocation-free
/// loop rather than by ML.NET, so the engine can re-score candidates from any thread, and stored as JSON (in the database).
/// </summary>
public sealed class TreeEnsembleModel : IScoringModel
{
    public const string Kind = "lambdarank-trees/1";

    private readonly Tree[] _trees;

    public TreeEnsembleModel(float bias, IReadOnlyList<Tree> trees)
    {
        Bias = bias;
        _trees = [.. trees];
        foreach (var t in _trees) t.Validate();
    }

    public float Bias { get; }
    public IReadOnlyList<Tree> Trees => _trees;

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
                if (Feature[i] is < 0 or >= MatchFeatures.Count) throw new FormatException($"Feature index {Feature[i]} out of range.");
                foreach (var c in (ReadOnlySpan<int>)[Left[i], Right[i]])
                    if (c >= nodes || (c < 0 && ~c >= Leaf.Length) || (c >= 0 && c <= i)) throw new FormatException("Bad child index.");
            }
        }
    }

    public float Score(in MatchFeatures features)
    {
        Span<float> x = stackalloc float[MatchFeatures.Count];
        features.CopyTo(x);
        var sum = Bias;
        foreach (var tree in _trees)
        {
            if (tree.Feature.Length == 0) { sum += tree.Leaf[0]; continue; }
            var node = 0;
            while (node >= 0) node = x[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
            sum += tree.Leaf[~node];
        }
        return sum;
    }

    /// <summary>A ranking model's raw score is unbounded (and often negative); the logistic function maps it to (0, 1)
    /// keeping the order, rounded away from the ends so a shown score never reads as a certainty.</summary>
    public float Present(float score) => float.IsFinite(score) ? Math.Clamp(1f / (1f + MathF.Exp(-score)), 0.0001f, 0.9999f) : 0f;

    private sealed record Document(string Kind, IReadOnlyList<string> Features, float Bias, Tree[] Trees);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToJson() => JsonSerializer.Serialize(new Document(Kind, MatchFeatures.Names, Bias, _trees), Json);

    /// <summary>Reads a stored model; null when it was trained on another feature set (it would misread today's features).</summary>
    public static TreeEnsembleModel? FromJson(string json)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Json) ?? throw new FormatException("Empty model.");
        if (doc.Kind != Kind || !doc.Features.SequenceEqual(MatchFeatures.Names)) return null;
        return new TreeEnsembleModel(doc.Bias, doc.Trees);
    }
}
