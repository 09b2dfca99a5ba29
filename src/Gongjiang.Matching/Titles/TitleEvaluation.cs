using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Titles;

/// <summary>Accuracy of predicted codes against labels at the four levels of the classification.</summary>
public sealed record TitleAccuracy(int Count, int Skipped, double Exact, double Minor, double Middle, double Major)
{
    /// <summary>Recruiting-lexicon terms equal to an evaluated title, withheld from the normalizer that measured that title.</summary>
    public int LexiconTermsWithheld { get; init; }

    /// <summary>The recruiting lexicon's terms (not modifiers), lower-case, as titles are compared with them.</summary>
    public static IReadOnlySet<string> LexiconTerms { get; } =
        RecruitingTitleLexicon.Entries.Where(e => !e.IsModifier).Select(e => e.Term.TrimEnd('*')).ToHashSet(StringComparer.Ordinal);

    /// <summary>Compares predictions with labels; a pair whose label is not a well-formed code is skipped.</summary>
    public static TitleAccuracy Measure(IEnumerable<(string Predicted, string Expected)> pairs)
    {
        int count = 0, skipped = 0, exact = 0, minor = 0, middle = 0, major = 0;
        foreach (var (predicted, expected) in pairs)
        {
            if (!OccupationCode.IsWellFormed(expected)) { skipped++; continue; }
            count++;
            if (!OccupationCode.IsWellFormed(predicted)) continue;
            if (predicted == expected) exact++;
            if (predicted[..7] == expected[..7]) minor++;
            if (predicted[..4] == expected[..4]) middle++;
            if (predicted[0] == expected[0]) major++;
        }
        double Share(int hits) => count == 0 ? 0 : Math.Round((double)hits / count, 3);
        return new TitleAccuracy(count, skipped, Share(exact), Share(minor), Share(middle), Share(major));
    }

    /// <summary>
    /// Normalizes labelled titles and measures the result, never with a normalizer that learned from the title it
    /// normalizes: the rows are dealt into <paramref name="folds"/> parts, and each part is normalized by a normalizer
    /// whose labelled titles leave out every title of that part and whose recruiting lexicon leaves out every term equal
    /// to a title of that part (<paramref name="withholdLexicon"/>; false measures with the whole lexicon, for comparison).
    /// </summary>
    public static TitleAccuracy MeasureUnlearned(TaxonomyCatalog catalog, IReadOnlyList<(string Title, string Expected)> rows,
        IReadOnlyList<LabelledTitle> labelled, int folds = 4, bool withholdLexicon = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        var predicted = new string[rows.Count];
        var known = labelled.Select(t => t.Title.Trim()).ToHashSet(StringComparer.Ordinal);
        var learnedFromAll = new Lazy<TitleNormalizer>(() => new TitleNormalizer(catalog, labelled));
        var withheld = new HashSet<string>(StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var part = Enumerable.Range(0, rows.Count).Where(i => i % folds == fold).ToList();
            var leftOut = part.Select(i => rows[i].Title.Trim()).Where(known.Contains).ToHashSet(StringComparer.Ordinal);
            var lexiconLeftOut = withholdLexicon
                ? part.Select(i => rows[i].Title.Trim().ToLowerInvariant()).Where(LexiconTerms.Contains).ToHashSet(StringComparer.Ordinal)
                : [];
            withheld.UnionWith(lexiconLeftOut);
            var normalizer = leftOut.Count == 0 && lexiconLeftOut.Count == 0
                ? learnedFromAll.Value
                : new TitleNormalizer(catalog, labelled.Where(t => !leftOut.Contains(t.Title.Trim())), lexiconLeftOut);
            foreach (var i in part) predicted[i] = normalizer.Normalize(rows[i].Title).Code;
        }
        return Measure(rows.Select((r, i) => (predicted[i], r.Expected))) with { LexiconTermsWithheld = withheld.Count };
    }
}
