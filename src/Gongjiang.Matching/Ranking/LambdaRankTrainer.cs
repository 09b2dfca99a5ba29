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
    /// <summary>The trees and blend chosen on the training period's own later groups (never on the validation groups).</summary>
    public RankerShape? Shape { get; init; }
    public double Blend { get; init; }
    /// <summary>Training groups the choice was judged on (the later part of the training period), and the chosen model's mean gain there.</summary>
    public int TuningGroups { get; init; }
    public double TuningGain { get; init; }
}

/// <summary>How many LambdaRank trees of how many leaves.</summary>
public sealed record RankerShape(int Iterations, int Leaves)
{
    public override string ToString() => $"{Iterations} trees of {Leaves} leaves";
}

public sealed record RankerTrainingOptions
{
    public double ValidationShare { get; init; } = 0.2;
    /// <summary>
    /// The tree shapes tried; the one that corrects the hand weights best on the training period's later groups is kept.
    /// Trees of two leaves add one correction per feature and step, which a few hundred job groups can support.
    /// </summary>
    public IReadOnlyList<RankerShape> Shapes { get; init; } = [new(50, 2), new(150, 2), new(300, 2)];
    /// <summary>How much the trees count against the hand score, in standard deviations of the hand score per deviation of the trees' sum.</summary>
    public IReadOnlyList<double> Blends { get; init; } = [0.25, 0.5, 1, 2];
    /// <summary>The training period's latest share of groups the choice is judged on, in <see cref="TuningFolds"/> consecutive
    /// parts; each part is judged by a model trained on every training group before it.</summary>
    public double TuningShare { get; init; } = 0.45;
    public int TuningFolds { get; init; } = 3;
    public double LearningRate { get; init; } = 0.05;
    public int MinimumExamplesPerLeaf { get; init; } = 50;
    public int Seed { get; init; } = 1;
    /// <summary>Fewest training groups that have a relevant item before a model is trained at all.</summary>
    public int MinimumTrainGroups { get; init; } = 10;
    /// <summary>Resamples of the validation groups for the gain's confidence interval.</summary>
    public int BootstrapResamples { get; init; } = 2_000;
}

/// <summary>
/// Learns corrections of the hand weights: LambdaRank trees (ML.NET LightGbm) on the engine's features and the hand score,
/// added to the hand score with a weight. The tree shape and the weight are chosen on the later groups of the training
/// period; the model is then trained on the whole training period, validated on the later groups of a time split against
/// the hand weights, and adopted only when it ranks the later outcomes better (NDCG@10, bootstrap interval above 0).
/// </summary>
public static class LambdaRankTrainer
{
    public const int NdcgDepth = 10;

    /// <summary>What LambdaRank counts a label as while training: 2^l − 1, as <see cref="Ndcg"/> counts it when judging
    /// (ML.NET's default would count label l as 2^(l+1) − 1).</summary>
    public static IReadOnlyList<int> LabelGains { get; } = [.. Enumerable.Range(0, OutcomeRelevance.MaxLabel + 1).Select(l => (1 << l) - 1)];

    /// <summary>One training row as ML.NET reads it: the features, then the hand score.</summary>
    internal sealed class Row
    {
        public float Label { get; set; }
        public uint Group { get; set; }
        [VectorType(TreeEnsembleModel.InputCount)] public float[] Features { get; set; } = new float[TreeEnsembleModel.InputCount];
    }

    /// <summary>An item's input row: its features and its score under <paramref name="hand"/>.</summary>
    internal static void Input(ReadOnlySpan<float> features, HandWeights hand, Span<float> row)
    {
        features.CopyTo(row);
        var f = new MatchFeatures();
        features.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<MatchFeatures, float>(new Span<MatchFeatures>(ref f)));
        row[TreeEnsembleModel.HandScoreInput] = hand.Score(f);
    }

    /// <summary>
    /// The training groups as ML.NET rows, read straight from the compact arrays each time ML.NET enumerates them (the
    /// key mapping and LightGbm each make their own passes). Each enumeration fills one <see cref="Row"/> in place rather
    /// than allocating a row per item: ML.NET's enumerable view reads the current object's properties only while it is
    /// current and copies the feature array into its own buffer, so no second list of every row is built on the managed
    /// heap. (LightGbm still copies the features into its native dataset; that copy is the one the training needs.)
    /// Group g is the g-th training group, so the query ids are the same as when the rows were listed in a list.
    /// </summary>
    private sealed class RowsOf(IReadOnlyList<CompactRankingGroup> groups, HandWeights hand) : IEnumerable<Row>
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
                    Input(group.FeatureRow(i), hand, row.Features);
                    yield return row;
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <inheritdoc cref="Train(IReadOnlyList{CompactRankingGroup}, int, HandWeights?, RankerTrainingOptions?, DateTime?)"/>
    public static (TreeEnsembleModel? Model, RankerReport Report) Train(IReadOnlyList<RankingGroup> groups, int skippedPairs,
        HandWeights? handWeights = null, RankerTrainingOptions? options = null) =>
        Train(CompactRankingGroup.From(groups), skippedPairs, handWeights, options);

    /// <summary>
    /// Splits the groups at <paramref name="splitAt"/> (by default where the latest <see cref="RankerTrainingOptions.ValidationShare"/>
    /// of the groups begin), chooses the tree shape and blend on the training groups alone (<see cref="Tune"/>), trains on
    /// all of them and compares the learned order with the hand weights on the later ones; the model is adopted only when
    /// the lower end of the 95 % bootstrap interval of its gain is above 0 (<see cref="Adopts"/>).
    /// </summary>
    public static (TreeEnsembleModel? Model, RankerReport Report) Train(IReadOnlyList<CompactRankingGroup> groups, int skippedPairs,
        HandWeights? handWeights = null, RankerTrainingOptions? options = null, DateTime? splitAt = null)
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

        var tuned = Tune(train, handWeights, options);
        var model = Fit(train, options, tuned.Shape, tuned.Blend, handWeights);
        var learned = Ndcg.Mean(NdcgDepth, validation, model);
        var (gains, low, high) = GainInterval(validation, model, handWeights, options);
        return (model, report with
        {
            NdcgLearned = learned, Trees = model.Trees.Count, GainGroups = gains.Length,
            Gain = gains.Length > 0 ? gains.Average() : 0, GainLow = low, GainHigh = high, Adopted = Adopts(gains.Length, low),
            Shape = tuned.Shape, Blend = tuned.Blend, TuningGroups = tuned.Groups, TuningGain = tuned.Gain,
        });
    }

    /// <summary>The adoption rule: a learned model ranks only when the whole 95 % interval of its gain over the hand weights lies above 0.</summary>
    public static bool Adopts(int gainGroups, double gainLow) => gainGroups > 0 && gainLow > 0;

    /// <summary>What <see cref="Tune"/> chose, and the mean gain over the hand weights it had on the groups it was judged on.</summary>
    public sealed record Choice(RankerShape Shape, double Blend, int Groups, double Gain);

    /// <summary>
    /// Chooses the tree shape and blend using the training groups only: the latest <see cref="RankerTrainingOptions.TuningShare"/>
    /// of them (by first showing) are cut into <see cref="RankerTrainingOptions.TuningFolds"/> consecutive parts, each judged
    /// by trees trained on every group before it; the shape and blend with the highest mean NDCG@10 gain over the hand
    /// weights on all parts together win (the first listed on a tie). The validation groups play no part.
    /// </summary>
    public static Choice Tune(IReadOnlyList<CompactRankingGroup> train, HandWeights hand, RankerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Shapes.Count == 0 || options.Blends.Count == 0) throw new ArgumentException("Needs at least one shape and one blend.", nameof(options));
        var sorted = train.OrderBy(g => g.At).ThenBy(g => g.JobId, StringComparer.Ordinal).ToList();
        var folds = Math.Max(1, options.TuningFolds);
        var start = (int)Math.Round(sorted.Count * (1 - options.TuningShare));
        var bounds = Enumerable.Range(0, folds + 1).Select(f => start + (int)Math.Round((sorted.Count - start) * (double)f / folds)).ToArray();
        var sums = new double[options.Shapes.Count, options.Blends.Count];
        var judged = 0;
        if (options.Shapes.Count * options.Blends.Count > 1)
        {
            for (var f = 0; f < folds; f++)
            {
                var before = sorted.Take(bounds[f]).ToList();
                var part = sorted.Skip(bounds[f]).Take(bounds[f + 1] - bounds[f]).ToList();
                if (part.Count == 0 || before.Count(g => g.Labels.Any(l => l > 0)) < options.MinimumTrainGroups) continue;
                for (var s = 0; s < options.Shapes.Count; s++)
                {
                    var trees = FitTrees(before, options, options.Shapes[s], hand);
                    for (var b = 0; b < options.Blends.Count; b++)
                    {
                        var model = Blended(trees, before, options.Blends[b], hand);
                        var (gains, _, _) = GainInterval(part, model, hand, options with { BootstrapResamples = 1 });
                        sums[s, b] += gains.Sum();
                        if (s == 0 && b == 0) judged += gains.Length;
                    }
                }
            }
        }
        var best = (S: 0, B: 0);
        for (var s = 0; s < options.Shapes.Count; s++)
            for (var b = 0; b < options.Blends.Count; b++)
                if (sums[s, b] > sums[best.S, best.B]) best = (s, b);
        return new Choice(options.Shapes[best.S], options.Blends[best.B], judged, judged > 0 ? sums[best.S, best.B] / judged : 0);
    }

    /// <summary>
    /// The per-group NDCG@10 gains of <paramref name="learned"/> over <paramref name="hand"/> on the validation groups that
    /// have a relevant item, and the 2.5 % and 97.5 % percentiles of their mean over resamples of the groups with
    /// replacement (percentile bootstrap, seeded, so a run is repeatable).
    /// </summary>
    public static (double[] Gains, double Low, double High) GainInterval(IReadOnlyList<CompactRankingGroup> validation, IScoringModel learned,
        IScoringModel hand, RankerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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

    /// <inheritdoc cref="Fit(IReadOnlyList{CompactRankingGroup}, RankerTrainingOptions, RankerShape, double, HandWeights?)"/>
    public static TreeEnsembleModel Fit(IReadOnlyList<RankingGroup> train, RankerTrainingOptions options) =>
        Fit(CompactRankingGroup.From(train), options);

    /// <summary>Trains the first of <see cref="RankerTrainingOptions.Shapes"/> with the first of <see cref="RankerTrainingOptions.Blends"/>.</summary>
    public static TreeEnsembleModel Fit(IReadOnlyList<CompactRankingGroup> train, RankerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Fit(train, options, options.Shapes[0], options.Blends[0]);
    }

    /// <summary>
    /// Trains trees of <paramref name="shape"/> on the given groups and adds them to the hand score: the trees' sum is scaled
    /// so that one standard deviation of it (over the training items) counts <paramref name="blend"/> standard deviations of
    /// the hand score.
    /// </summary>
    public static TreeEnsembleModel Fit(IReadOnlyList<CompactRankingGroup> train, RankerTrainingOptions options, RankerShape shape, double blend, HandWeights? hand = null)
    {
        hand ??= HandWeights.Default;
        return Blended(FitTrees(train, options, shape, hand), train, blend, hand);
    }

    /// <summary>The trees added to the hand score with the given blend (see <see cref="Fit(IReadOnlyList{CompactRankingGroup}, RankerTrainingOptions, RankerShape, double, HandWeights?)"/>).</summary>
    private static TreeEnsembleModel Blended(TreeEnsembleModel trees, IReadOnlyList<CompactRankingGroup> train, double blend, HandWeights hand)
    {
        var handScores = new List<double>();
        var treeScores = new List<double>();
        Span<float> row = stackalloc float[TreeEnsembleModel.InputCount];
        foreach (var g in train)
            for (var i = 0; i < g.Count; i++)
            {
                Input(g.FeatureRow(i), hand, row);
                handScores.Add(row[TreeEnsembleModel.HandScoreInput]);
                treeScores.Add(trees.Corrections(row));
            }
        var spreadOfTrees = Deviation(treeScores);
        var scale = spreadOfTrees > 1e-9 ? (float)(blend * Deviation(handScores) / spreadOfTrees) : 0f;
        return new TreeEnsembleModel(trees.Bias, trees.Trees, TreeEnsembleModel.WeightsOf(hand), scale);
    }

    private static double Deviation(List<double> values)
    {
        if (values.Count == 0) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>Trains LambdaRank trees on the features and the hand score and turns ML.NET's trees into a <see cref="TreeEnsembleModel"/> of trees alone.</summary>
    private static TreeEnsembleModel FitTrees(IReadOnlyList<CompactRankingGroup> train, RankerTrainingOptions options, RankerShape shape, HandWeights hand)
    {
        var ml = new MLContext(options.Seed);
        var rows = new RowsOf(train, hand);
        var data = ml.Data.LoadFromEnumerable(rows);
        var fitted = Estimator(ml, options, shape).Fit(data);
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
            var mine = model.Corrections(sample[i].Features);
            if (Math.Abs(mine - scores[i]) > 1e-3f * Math.Max(1f, Math.Abs(scores[i])))
                throw new InvalidOperationException($"Copied trees disagree with ML.NET on row {i}: {mine} vs {scores[i]}.");
        }
        return model;
    }

    /// <summary>The ML.NET pipeline: group ids to keys, then LightGbm LambdaRank, deterministic on one thread.</summary>
    internal static EstimatorChain<RankingPredictionTransformer<LightGbmRankingModelParameters>> Estimator(MLContext ml, RankerTrainingOptions options, RankerShape shape) =>
        ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(Row.Group))
            .Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                RowGroupColumnName = "GroupKey",
                NumberOfIterations = shape.Iterations,
                NumberOfLeaves = shape.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                Seed = options.Seed,
                Deterministic = true,
                NumberOfThreads = 1,
                Silent = true,
                Verbose = false,
                CustomGains = [.. LabelGains],
            }));
}
