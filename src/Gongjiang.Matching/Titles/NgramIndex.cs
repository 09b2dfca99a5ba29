namespace Gongjiang.Matching.Titles;

/// <summary>
/// IDF-weighted character n-grams (CJK unigrams and bigrams, whole Latin tokens) over two fields per occupation:
/// names and titles (strong) and definition and tasks (weak). Cosine similarity through an inverted index.
/// </summary>
internal sealed class NgramIndex
{
    private const float StrongShare = 0.7f;

    private readonly Dictionary<string, int> _grams;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _gramLookup;
    private readonly float[] _idf;
    private readonly Posting[][] _strong;
    private readonly Posting[][] _weak;
    private readonly int _documents;
    private readonly string[] _gramText;

    private readonly record struct Posting(int Node, float Weight);

    public NgramIndex(string[] strongTexts, string[] weakTexts)
    {
        _documents = strongTexts.Length;
        _grams = new Dictionary<string, int>(StringComparer.Ordinal);
        var strongCounts = strongTexts.Select(Count).ToArray();
        var weakCounts = weakTexts.Select(Count).ToArray();
        _gramText = new string[_grams.Count];
        foreach (var (gram, id) in _grams) _gramText[id] = gram;
        var df = new int[_grams.Count];
        for (var d = 0; d < _documents; d++)
            foreach (var g in strongCounts[d].Keys.Union(weakCounts[d].Keys)) df[g]++;
        _idf = df.Select(f => (float)Math.Log(1 + (double)_documents / Math.Max(1, f))).ToArray();

        _strong = BuildPostings(strongCounts);
        // In long definitions single characters match almost everything: the weak field uses bigrams and words only.
        _weak = BuildPostings(weakCounts.Select(c => c.Where(p => !IsUnigram(p.Key)).ToDictionary()).ToArray());
        _gramLookup = _grams.GetAlternateLookup<ReadOnlySpan<char>>();

        Dictionary<int, int> Count(string text)
        {
            var counts = new Dictionary<int, int>();
            foreach (var gram in Grams(text))
            {
                if (!_grams.TryGetValue(gram, out var id)) _grams[gram] = id = _grams.Count;
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            return counts;
        }
    }

    private bool IsUnigram(int gram) => _gramText[gram] is { Length: 1 } g && TitleText.IsCjk(g[0]);

    private Posting[][] BuildPostings(Dictionary<int, int>[] counts)
    {
        var lists = new List<Posting>[_grams.Count];
        for (var d = 0; d < counts.Length; d++)
        {
            var weights = counts[d].ToDictionary(p => p.Key, p => (1 + MathF.Log(p.Value)) * _idf[p.Key]);
            var norm = MathF.Sqrt(weights.Values.Sum(w => w * w));
            if (norm == 0) continue;
            foreach (var (gram, w) in weights) (lists[gram] ??= []).Add(new Posting(d, w / norm));
        }
        return lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    /// <summary>CJK unigrams and bigrams within runs of CJK; Latin/digit tokens whole.</summary>
    public static IEnumerable<string> Grams(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TitleText.IsCjk(c))
            {
                var start = i;
                while (i < text.Length && TitleText.IsCjk(text[i])) i++;
                for (var k = start; k < i; k++)
                {
                    yield return text.Substring(k, 1);
                    if (k + 1 < i) yield return text.Substring(k, 2);
                }
            }
            else if (TitleText.IsLatinOrDigit(char.ToLowerInvariant(c)))
            {
                var start = i;
                while (i < text.Length && TitleText.IsLatinTokenChar(char.ToLowerInvariant(text[i]))) i++;
                var token = text[start..i].ToLowerInvariant().Trim('.');
                if (token.Length > 1) yield return token;
            }
            else i++;
        }
    }

    public Scores Score(string query)
    {
        var counts = new Dictionary<int, int>();
        foreach (var gram in Grams(query))
            if (_gramLookup.TryGetValue(gram, out var id)) counts[id] = counts.GetValueOrDefault(id) + 1;
        var values = new float[_documents];
        if (counts.Count == 0) return new Scores(values, []);
        var weights = counts.ToDictionary(p => p.Key, p => (1 + MathF.Log(p.Value)) * _idf[p.Key]);
        // Unknown grams count in the query's norm: a title half made of unknown words matches less.
        var unknown = Grams(query).Count(g => !_gramLookup.ContainsKey(g));
        var norm = MathF.Sqrt(weights.Values.Sum(w => w * w) + unknown * 4f);
        var touched = new List<int>();
        foreach (var (gram, w) in weights)
        {
            var q = w / norm;
            foreach (var p in _strong[gram])
            {
                if (values[p.Node] == 0) touched.Add(p.Node);
                values[p.Node] += StrongShare * q * p.Weight;
            }
            foreach (var p in _weak[gram])
            {
                if (values[p.Node] == 0) touched.Add(p.Node);
                values[p.Node] += (1 - StrongShare) * q * p.Weight;
            }
        }
        return new Scores(values, touched);
    }

    internal sealed class Scores(float[] values, List<int> touched)
    {
        public float this[int node] => values[node];

        public List<int> Top(int k)
        {
            var heap = new PriorityQueue<int, float>(k + 1);
            foreach (var node in touched)
            {
                heap.Enqueue(node, values[node]);
                if (heap.Count > k) heap.Dequeue();
            }
            var top = new List<int>(heap.Count);
            while (heap.Count > 0) top.Add(heap.Dequeue());
            top.Reverse();
            return top;
        }
    }
}
