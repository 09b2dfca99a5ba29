using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Matching.Tests.Titles;

public sealed class RecruitingTitleLexiconTests
{
    [Fact]
    public void Every_lexicon_code_is_a_code_of_the_catalog()
    {
        var missing = RecruitingTitleLexicon.Entries.Where(e => TaxonomyCatalog.Default.FindOccupation(e.Code) is null)
            .Select(e => $"{e.Term} → {e.Code}").ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void No_title_is_mapped_to_two_codes()
    {
        var duplicates = RecruitingTitleLexicon.Entries.Where(e => !e.IsModifier)
            .GroupBy(e => e.Term.TrimEnd('*')).Where(g => g.Select(e => e.Code).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Code))}").ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void No_lexicon_entry_is_a_title_of_the_labelled_development_set()
    {
        // Whitespace, case, width and punctuation aside: "Java 开发" and "java开发" are the same title.
        static string Key(string text) => new(text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant()
            .Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c) && !char.IsSeparator(c)).ToArray());
        var developmentTitles = LabelledTitles.Embedded.Select(t => Key(t.Title)).ToHashSet(StringComparer.Ordinal);

        var leaked = RecruitingTitleLexicon.Entries.Where(e => developmentTitles.Contains(Key(e.Term.TrimEnd('*'))))
            .Select(e => $"{e.Term} → {e.Code}").ToList();

        Assert.True(developmentTitles.Count >= 900, $"only {developmentTitles.Count} development titles read");
        Assert.Empty(leaked);
    }

    [Fact]
    public void Accuracy_is_measured_at_four_levels()
    {
        var accuracy = TitleAccuracy.Measure([
            ("6-18-02-04", "6-18-02-04"),
            ("6-18-02-05", "6-18-02-04"),
            ("6-18-01-01", "6-18-02-04"),
            ("6-31-01-03", "6-18-02-04"),
            ("4-07-05-01", "6-18-02-04"),
            ("4-07-05-01", ""),
        ]);

        Assert.Equal(5, accuracy.Count);
        Assert.Equal(1, accuracy.Skipped);
        Assert.Equal(0.2, accuracy.Exact);
        Assert.Equal(0.4, accuracy.Minor);
        Assert.Equal(0.6, accuracy.Middle);
        Assert.Equal(0.8, accuracy.Major);
    }
}
