using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Titles;

/// <summary>
/// What labelled recruiting titles say about a new one: a multinomial naive Bayes model over the character
/// 1–3-grams and Latin words of cleaned titles, whose classes are minor groups (x-xx-xx) or, when detailed, codes. It
/// learns the conventions of real labels that no dictionary states, e.g. which titles with 经理 or 顾问 people file under the professionals of
/// group 2 and which under the service workers of group 4. Trained in milliseconds, immutable afterwards.
/// </summary>
/// <remarks>
/// Hand-written rather than ML.NET's <c>NaiveBayesMulticlassTrainer</c>: that trainer reads features as present or
/// absent through a featurization pipeline, while this model needs the multinomial form, training inside the
/// normalizer's constructor, and one sparse pass over a title's few dozen n-grams per call.
/// </remarks>
internal sealed class LabelledTitleClassifier
{
    private const double Smoothing = 0.5;

    private readonly string[] _classes;
    private readonly double[] _logPrior;
    private readonly double[] _logMissing;   // log(α / (n_c + αV)): an n-gram never seen with class c
    private readonly Dictionary<string, (int Class, double LogRatio)[]> _grams;

    public int ExampleCount { get; }

    /// <param name="examples">Each example's cleaned parts (the segments that name the job) and its code.</param>
    /// <param name="detailed">True to learn detailed codes (x-xx-xx-xx) rather than minor groups.</param>
    public LabelledTitleClassifier(IEnumerable<(IReadOnlyList<string> Parts, string Code)> examples, bool detailed = false)
    {
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<int>();
        var totals = new List<long>();
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var (parts, code) in examples)
        {
            if (!OccupationCode.IsWellFormed(code)) continue;
            var label = detailed ? code : OccupationCode.Minor(code);
            if (!classIndex.TryGetValue(label, out var c))
            {
                classIndex[label] = c = classIndex.Count;
                documents.Add(0);
                totals.Add(0);
            }
            documents[c]++;
            ExampleCount++;
            foreach (var gram in Grams(parts))
            {
                if (!counts.TryGetValue(gram, out var perClass)) counts[gram] = perClass = [];
                perClass[c] = perClass.GetValueOrDefault(c) + 1;
                totals[c]++;
            }
        }
        _classes = new string[classIndex.Count];
        foreach (var (label, c) in classIndex) _classes[c] = label;
        var vocabulary = Math.Max(1, counts.Count);
        _logPrior = documents.Select(d => Math.Log((double)d / Math.Max(1, ExampleCount))).ToArray();
        _logMissing = totals.Select(t => Math.Log(Smoothing / (t + Smoothing * vocabulary))).ToArray();
        _grams = counts.ToDictionary(
            p => p.Key,
            p => p.Value.Select(x => (x.Key, Math.Log((x.Value + Smoothing) / Smoothing))).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The probability of each class (minor group x-xx-xx, or code when detailed) given a title's cleaned parts; empty when nothing was learned.</summary>
    public Dictionary<string, double> ClassProbabilities(IReadOnlyList<string> parts)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_classes.Length == 0) return result;
        var grams = Grams(parts);
        if (grams.Count == 0) return result;
        var log = new double[_classes.Length];
        for (var c = 0; c < log.Length; c++) log[c] = _logPrior[c] + grams.Count * _logMissing[c];
        foreach (var gram in grams)
            if (_grams.TryGetValue(gram, out var seen))
                foreach (var (c, ratio) in seen) log[c] += ratio;
        var max = log.Max();
        var total = 0.0;
        for (var c = 0; c < log.Length; c++) total += log[c] = Math.Exp(log[c] - max);
        for (var c = 0; c < log.Length; c++) result[_classes[c]] = log[c] / total;
        return result;
    }

    // The distinct grams of each part (never across two parts): 1-, 2- and 3-grams within a run of Chinese characters,
    // and whole Latin words (java, developer), whose single letters would say nothing.
    private static HashSet<string> Grams(IReadOnlyList<string> parts)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var i = 0;
            while (i < part.Length)
            {
                var start = i;
                if (TitleText.IsCjk(part[i]))
                {
                    while (i < part.Length && TitleText.IsCjk(part[i])) i++;
                    for (var n = 1; n <= 3; n++)
                        for (var k = start; k + n <= i; k++)
                            grams.Add(part.Substring(k, n));
                }
                else if (TitleText.IsLatinTokenChar(part[i]))
                {
                    while (i < part.Length && TitleText.IsLatinTokenChar(part[i])) i++;
                    grams.Add(part[start..i]);
                }
                else i++;
            }
        }
        return grams;
    }
}
