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
    /// <summary>When training stopped and validation began: training groups were first shown before it and keep only the labels known then.</summary>
    public DateTime? SplitAt { get; init; }
    /// <summary>Validation groups with a relevant item, over which the gain and its interval are computed.</summary>
    public int GainGroups { get; init; }
    /// <summary>Mean NDCG@10 gain of the learned model over the hand weights on validation, and its 95 % bootstrap interval over groups.</summary>
    public double Gain { get; init; }
    public double GainLow { get; init; }
    public double GainHigh { get; init; }
    /// <summary>The learned model's validation gain cleared its bootstrap interval (the interval's lower end is above 0): it ranks from now on.</summary>
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
    /// <summary>Resamples of the validation groups for the gain's confidence interval.</summary>
    public int BootstrapResamples { get; init; } = 2_000;
}

/// <summary>
/// Learns a LambdaRank model (ML.NET LightGbm) on the engine's features from per-job groups, validates it on a time
/// split against the hand weights, and adopts it only when it ranks the later outcomes better (NDCG@10).
/// </summary>
public static class LambdaRankTrainer
{
    public const int NdcgDepth = 10;

    /// <summary>One training row as ML.NET reads it.</summary>
    internal sealed class Row
    {
        public float Label { get; set; }
        public uint Group { get; set; }
        [VectorType(MatchFeatures.Count)] public float[] Features { get; set; } = new float[MatchFeatures.Count];
    }

    /// <summary>
    /// The training groups as ML.NET rows, read straight from the compact arrays each time ML.NET enumerates them (the
    /// key mapping and LightGbm each make their own passes). Each enumeration fills one <see cref="Row"/> in place rather
    /// than allocating a row per item: ML.NET's enumerable view reads the current object's properties only while it is
    /// current and copies the feature array into its own buffer, so no second list of every row is built on the managed
    /// heap. (LightGbm still copies the features into its native dataset; that copy is the one the training needs.)
    /// Group g is the g-th training group, so the query ids are the same as when the rows were listed in a list.
    /// </summary>
    private sealed class RowsOf(IReadOnlyList<CompactRankingGroup> groups) : IEnumerable<Row>
    {
        public IEnumerator<Row> GetEnumerator()
        {
            var row = new Row();
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                for (var i = 0; i < group.Count; i++)
                {
                    row.Label = group.Labels[i];
                    row.Group = (uint)g;
                    group.FeatureRow(i).CopyTo(row.Features);
                    yield return row;
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <inheritdoc cref="Train(IReadOnlyList{CompactRankingGroup}, int, IScoringModel?, RankerTrainingOptions?)"/>
    public static (TreeEnsembleModel? Model, RankerReport Report) Train(IReadOnlyList<RankingGroup> groups, int skippedPairs,
        IScoringModel? handWeights = null, RankerTrainingOptions? options = null) =>
        Train(CompactRankingGroup.From(groups), skippedPairs, handWeights, options);

    /// <summary>
    /// Splits the groups at <paramref name="splitAt"/> (by default where the latest <see cref="RankerTrainingOptions.ValidationShare"/>
    /// of the groups begin), trains on the earlier ones and compares the learned order with the hand weights on the later
    /// ones; the model is adopted only when the lower end of the 95 % bootstrap interval of its gain is above 0.
    /// </summary>
    public static (TreeEnsembleModel? Model, RankerReport Report) Train(IReadOnlyList<CompactRankingGroup> groups, int skippedPairs,
        IScoringModel? handWeights = null, RankerTrainingOptions? options = null, DateTime? splitAt = null)
    {
        options ??= new RankerTrainingOptions();
        handWeights ??= HandWeights.Default;
        splitAt ??= RankingGroups.CutTime(groups.Select(g => g.At), options.ValidationShare);
        var (train, validation) = RankingGroups.SplitAt(groups, splitAt);
        var labels = new int[OutcomeRelevance.MaxLabel + 1];
        foreach (var g in groups) foreach (var l in g.Labels) labels[l]++;
        var report = new RankerReport
        {
            Pairs = groups.Sum(g => g.Count), SkippedPairs = skippedPairs, Groups = groups.Count, LabelCounts = labels,
            TrainGroups = train.Count, TrainPairs = train.Sum(g => g.Count),
            TrainFrom = train.Count > 0 ? train[0].At : null, TrainTo = train.Count > 0 ? train[^1].At : null,
            ValidationGroups = validation.Count, ValidationPairs = validation.Sum(g => g.Count),
            ValidationFrom = validation.Count > 0 ? validation[0].At : null, ValidationTo = validation.Count > 0 ? validation[^1].At : null,
            NdcgHand = Ndcg.Mean(NdcgDepth, validation, handWeights),
            SplitAt = splitAt,
        };

        var informative = train.Count(g => g.Labels.Any(l => l > 0));
        if (informative < options.MinimumTrainGroups || validation.Count == 0)
            return (null, report with { NotTrained = $"too few outcomes: {informative} training groups with a response (need {options.MinimumTrainGroups}) and {validation.Count} validation groups" });

        var model = Fit(train, options);
        var learned = Ndcg.Mean(NdcgDepth, validation, model);
        var (gains, low, high) = GainInterval(validation, model, handWeights, options);
        return (model, report with
        {
            NdcgLearned = learned, Trees = model.Trees.Count, GainGroups = gains.Length,
            Gain = gains.Length > 0 ? gains.Average() : 0, GainLow = low, GainHigh = high, Adopted = gains.Length > 0 && low > 0,
        });
    }

    /// <summary>
    /// The per-group NDCG@10 gains of <paramref name="learned"/> over <paramref name="hand"/> on the validation groups that
    /// have a relevant item, and the 2.5 % and 97.5 % percentiles of their mean over resamples of the groups with
    /// replacement (percentile bootstrap, seeded, so a run is repeatable).
    /// </summary>
    public static (double[] Gains, double Low, double High) GainInterval(IReadOnlyList<CompactRankingGroup> validation, IScoringModel learned,
        IScoringModel hand, RankerTrainingOptions options)
    {
        var gains = new List<double>();
        foreach (var g in validation)
        {
            var labels = g.Labels.Select(l => (int)l).ToArray();
            var byHand = new float[g.Count];
            var byModel = new float[g.Count];
            for (var i = 0; i < g.Count; i++)
            {
                var f = g.FeaturesAt(i);
                byHand[i] = hand.Score(f);
                byModel[i] = learned.Score(f);
            }
            if (Ndcg.At(NdcgDepth, labels, byModel) is { } m && Ndcg.At(NdcgDepth, labels, byHand) is { } h) gains.Add(m - h);
        }
        if (gains.Count == 0) return ([], 0, 0);
        var random = new Random(options.Seed);
        var means = new double[Math.Max(1, options.BootstrapResamples)];
        for (var b = 0; b < means.Length; b++)
        {
            double sum = 0;
            for (var i = 0; i < gains.Count; i++) sum += gains[random.Next(gains.Count)];
            means[b] = sum / gains.Count;
        }
        Array.Sort(means);
        double At(double p) => means[Math.Clamp((int)Math.Floor(p * (means.Length - 1)), 0, means.Length - 1)];
        return (gains.ToArray(), At(0.025), At(0.975));
    }

    /// <inheritdoc cref="Fit(IReadOnlyList{CompactRankingGroup}, RankerTrainingOptions)"/>
    public static TreeEnsembleModel Fit(IReadOnlyList<RankingGroup> train, RankerTrainingOptions options) =>
        Fit(CompactRankingGroup.From(train), options);

    /// <summary>Trains on the given groups and turns ML.NET's trees into a <see cref="TreeEnsembleModel"/>.</summary>
    public static TreeEnsembleModel Fit(IReadOnlyList<CompactRankingGroup> train, RankerTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var rows = new RowsOf(train);
        var data = ml.Data.LoadFromEnumerable(rows);
        var fitted = Estimator(ml, options).Fit(data);
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
        // The enumerator reuses its row, so the sample copies each one.
        var sample = rows.Take(500).Select(r => new Row { Label = r.Label, Group = r.Group, Features = [.. r.Features] }).ToList();
        var scores = fitted.Transform(ml.Data.LoadFromEnumerable(sample)).GetColumn<float>("Score").ToArray();
        for (var i = 0; i < sample.Count; i++)
        {
            var f = FeaturesOf(sample[i].Features);
            if (Math.Abs(model.Score(f) - scores[i]) > 1e-3f * Math.Max(1f, Math.Abs(scores[i])))
                throw new InvalidOperationException($"Copied trees disagree with ML.NET on row {i}: {model.Score(f)} vs {scores[i]}.");
        }
        return model;
    }

    /// <summary>The ML.NET pipeline: group ids to keys, then LightGbm LambdaRank, deterministic on one thread.</summary>
    internal static EstimatorChain<RankingPredictionTransformer<LightGbmRankingModelParameters>> Estimator(MLContext ml, RankerTrainingOptions options) =>
        ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(Row.Group))
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

    private static MatchFeatures FeaturesOf(float[] x)
    {
        var f = new MatchFeatures();
        x.AsSpan(0, MatchFeatures.Count).CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<MatchFeatures, float>(new Span<MatchFeatures>(ref f)));
        return f;
    }
}
