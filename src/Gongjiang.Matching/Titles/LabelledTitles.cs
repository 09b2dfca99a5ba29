using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Titles;

/// <summary>A real recruiting title and the occupation code a person gave it.</summary>
public sealed record LabelledTitle(string Title, string Code);

/// <summary>The labelled recruiting titles the title normalizer learns from (see <c>Titles/Data/ATTRIBUTION.md</c>).</summary>
public static class LabelledTitles
{
    private static readonly Lazy<IReadOnlyList<LabelledTitle>> EmbeddedTitles = new(LoadEmbedded);

    /// <summary>1,000 titles of recruiting sites with their 2022 codes, embedded in this assembly.</summary>
    public static IReadOnlyList<LabelledTitle> Embedded => EmbeddedTitles.Value;

    private static List<LabelledTitle> LoadEmbedded()
    {
        const string resource = "Gongjiang.Titles.labelled-titles.csv";
        using var stream = typeof(LabelledTitles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded file {resource} is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var titles = new List<LabelledTitle>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var title = csv.GetField("job_name") ?? "";
            var code = (csv.GetField("expected_code") ?? "").Trim();
            if (title.Length > 0 && OccupationCode.IsWellFormed(code)) titles.Add(new LabelledTitle(title, code));
        }
        return titles;
    }
}
