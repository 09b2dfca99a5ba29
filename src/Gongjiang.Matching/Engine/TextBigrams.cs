namespace Gongjiang.Matching.Engine;

/// <summary>
/// Character bigrams of short texts (titles, skills, occupation names) packed as one int each
/// (first char in the high 16 bits). Chinese has no spaces, so bigrams are the cheapest robust unit;
/// a run of one character yields that character alone.
/// </summary>
internal static class TextBigrams
{
    /// <summary>Appends the bigrams of <paramref name="text"/> to <paramref name="into"/>, up to <paramref name="cap"/> in total.</summary>
    public static void Add(ReadOnlySpan<char> text, List<int> into, int cap)
    {
        text = StripBracketed(text);
        var runStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var keep = i < text.Length && IsWordChar(text[i]);
            if (keep)
            {
                if (runStart < 0) runStart = i;
                continue;
            }
            if (runStart >= 0)
            {
                var run = text[runStart..i];
                if (run.Length == 1) into.Add(Pack(Fold(run[0]), '\0'));
                for (var k = 0; k + 1 < run.Length && into.Count < cap; k++) into.Add(Pack(Fold(run[k]), Fold(run[k + 1])));
                runStart = -1;
                if (into.Count >= cap) return;
            }
        }
    }

    /// <summary>Sorts and removes duplicates in place; returns the distinct count.</summary>
    public static int SortDistinct(Span<int> values)
    {
        if (values.Length == 0) return 0;
        values.Sort();
        var n = 1;
        for (var i = 1; i < values.Length; i++)
            if (values[i] != values[n - 1]) values[n++] = values[i];
        return n;
    }

    /// <summary>Size of the intersection of two sorted distinct spans.</summary>
    public static int IntersectCount(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x == y) { n++; i++; j++; }
            else if (x < y) i++;
            else j++;
        }
        return n;
    }

    private static int Pack(char a, char b) => (a << 16) | b;

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Perks in brackets (（五险一金，包住）) say nothing about the work itself.</summary>
    private static ReadOnlySpan<char> StripBracketed(ReadOnlySpan<char> text)
    {
        var open = text.IndexOfAny('（', '(', '【');
        if (open <= 0) return text;
        return text[..open];
    }
}
