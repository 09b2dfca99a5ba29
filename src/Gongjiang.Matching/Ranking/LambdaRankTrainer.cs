using Gongjiang.Matching.Engine;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Gongjiang.Matching.Ranking;

/// <summary>What a training run learned from and how the learned order compares with the hand weights on later outcomes.</summary>
public sealed record RankerReport
{
    public int Pairs { get; init; }
    public int SkippedPairs { get; init; }
    public int Groups { get; init; }
    public IReadOnlyList<int> LabelCounts { get; init; } = [];
    public int TrainGroups { get; init; }
    public int TrainPairs { get; init; }
    public DateTime? TrainFrom { get; init; }
    public DateTime? TrainTo { get; init; }
    public int ValidationGroups { get; init; }
    public int ValidationPairs { get; init; }
    public DateTime? ValidationFrom { get; init; }
    public DateTime? ValidationTo { get; init; }
    public double NdcgHand { get; init; }
    public double NdcgLearned { get; init; }
    public int Trees { get; init; }
    /// <summary>The learned model beat the hand weights on validation and should rank from now on.</summary>
    public bool Adopted { get; init; }
    /// <summary>Why nothing was trained (too few outcomes), or null.</summary>
    public string? NotTrained { get; init; }
}

public sealed record RankerTrainingOptions
{
    public double ValidationShare { get; init; } = 0.2;
    public int Iterations { get; init; } = 150;
    public int Leaves { get; init; } = 15;
    public double LearningRate { get; init; } = 0.05;
    public int MinimumExamplesPerLeaf { get; init; } = 20;
    public int Seed { get; init; } = 1;
    /// <summary>Fewest training groups that have a relevant item before a model is trained at all.</summary>
    public int MinimumTrainGroups { get; init; } = 10;
}

/// <summary>
/// Learns a LambdaRank model (ML.NET LightGbm) on the engine's features from per-job groups, validates it on a time
/// split against the hand weights, and adopts it only when it ranks the later outcomes better (NDCG@10).
/// </summary>
public static class LambdaRankTrainer
{
    public const int NdcgDepth = 10;

    private sealed class Row
    {
        public float Label { get; set; }
        public uint Group { get; set; }
        [VectorType(MatchFeatures.Count)] public float[] Features { get; set; } = [];
    }

    public static (TreeEnsembleModel? Model, RankerReport Report) Train(IReadOnlyList<RankingGroup> groups, int skippedPairs,
        IScoringModel? handWeights = null, RankerTrainingOptions? options = null)
    {
        options ??= new RankerTrainingOptions();
        handWeights ??= HandWeights.Default;
        var (train, validation) = RankingGroups.SplitByTime(groups, options.ValidationShare);
        var labels = new int[OutcomeRelevance.MaxLabel + 1];
        foreach (var g in groups) foreach (var i in g.Items) labels[i.Label]++;
        var report = new RankerReport
        {
            Pairs = groups.Sum(g => g.Items.Count), SkippedPairs = skippedPairs, Groups = groups.Count, LabelCounts = labels,
            TrainGroups = train.Count, TrainPairs = train.Sum(g => g.Items.Count),
            TrainFrom = train.Count > 0 ? train[0].At : null, TrainTo = train.Count > 0 ? train[^1].At : null,
            ValidationGroups = validation.Count, ValidationPairs = validation.Sum(g => g.Items.Count),
            ValidationFrom = validation.Count > 0 ? validation[0].At : null, ValidationTo = validation.Count > 0 ? validation[^1].At : null,
            NdcgHand = Ndcg.Mean(NdcgDepth, validation, handWeights),
        };

        var informative = train.Count(g => g.Items.Any(i => i.Label > 0));
        if (informative < options.MinimumTrainGroups || validation.Count == 0)
            return (null, report with { NotTrained = $"too few outcomes: {informative} training groups with a response (need {options.MinimumTrainGroups}) and {validation.Count} validation groups" });

        var model = Fit(train, options);
        var learned = Ndcg.Mean(NdcgDepth, validation, model);
        return (model, report with { NdcgLearned = learned, Trees = model.Trees.Count, Adopted = learned > report.NdcgHand });
    }

    /// <summary>Trains on the given groups and turns ML.NET's trees into a <see cref="TreeEnsembleModel"/>.</summary>
    public static TreeEnsembleModel Fit(IReadOnlyList<RankingGroup> train, RankerTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var rows = new List<Row>(train.Sum(g => g.Items.Count));
        for (var g = 0; g < train.Count; g++)
            foreach (var item in train[g].Items)
                rows.Add(new Row { Label = item.Label, Group = (uint)g, Features = item.Features.ToArray() });
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(Row.Group))
            .Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                RowGroupColumnName = "GroupKey",
                NumberOfIterations = options.Iterations,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                Seed = options.Seed,
                Deterministic = true,
                NumberOfThreads = 1,
                Silent = true,
                Verbose = false,
            }));
        var fitted = pipeline.Fit(data);
        var ensemble = fitted.LastTransformer.Model.TrainedTreeEnsemble;
        var trees = new List<TreeEnsembleModel.Tree>(ensemble.Trees.Count);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = (float)ensemble.TreeWeights[t];
            if (tree.CategoricalSplitFlags.Any(c => c)) throw new InvalidOperationException("Categorical splits are not expected on numeric features.");
            var nodes = tree.NumberOfNodes;
            trees.Add(new TreeEnsembleModel.Tree(
                tree.NumericalSplitFeatureIndexes.Take(nodes).ToArray(),
                tree.NumericalSplitThresholds.Take(nodes).ToArray(),
                tree.LeftChild.Take(nodes).ToArray(),
                tree.RightChild.Take(nodes).ToArray(),
                tree.LeafValues.Select(v => (float)(v * weight)).ToArray()));
        }
        var model = new TreeEnsembleModel((float)ensemble.Bias, trees);

        // The copied trees must rank exactly as ML.NET does; a mismatch would mean the tree layout was misread.
        var sample = rows.Take(500).ToList();
        var scores = fitted.Transform(ml.Data.LoadFromEnumerable(sample)).GetColumn<float>("Score").ToArray();
        for (var i = 0; i < sample.Count; i++)
        {
            var f = FeaturesOf(sample[i].Features);
            if (Math.Abs(model.Score(f) - scores[i]) > 1e-3f * Math.Max(1f, Math.Abs(scores[i])))
                throw new InvalidOperationException($"Copied trees disagree with ML.NET on row {i}: {model.Score(f)} vs {scores[i]}.");
        }
        return model;
    }

    private static MatchFeatures FeaturesOf(float[] x)
    {
        var f = new MatchFeatures();
        x.AsSpan(0, MatchFeatures.Count).CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<MatchFeatures, float>(new Span<MatchFeatures>(ref f)));
        return f;
    }
}
