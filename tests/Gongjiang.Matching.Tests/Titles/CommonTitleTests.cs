using System.Globalization;
using CsvHelper;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Matching.Tests.Titles;

/// <summary>
/// Everyday titles of each sector as recruiting sites post them (Data/common-titles-*.csv: title,code), each with the
/// occupation it names. Every one must come out exactly as its code, so a change to the rules that breaks a sector shows.
/// </summary>
public sealed class CommonTitleTests(TitleNormalizerFixture fixture) : IClassFixture<TitleNormalizerFixture>
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Titles", "Data");

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(DataFolder, "common-titles-*.csv").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_are_title_files_for_several_sectors() =>
        Assert.True(Files().Count >= 2, $"expected common-titles-*.csv files in {DataFolder}");

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_common_title_gets_its_occupation(string file)
    {
        var rows = Read(file);
        Assert.True(rows.Count >= 50, $"{file}: only {rows.Count} titles");

        var wrong = rows.Select(r => (r.Title, r.Code, Got: fixture.Normalizer.Normalize(r.Title)))
            .Where(r => r.Got.Code != r.Code)
            .Select(r => $"{r.Title}: expected {r.Code}, got {r.Got.Code} {r.Got.Name}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{file}: {wrong.Count} of {rows.Count} titles wrong:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_expected_code_is_a_code_of_the_catalog(string file)
    {
        var unknown = Read(file).Where(r => TaxonomyCatalog.Default.FindOccupation(r.Code) is null).Select(r => $"{r.Title}: {r.Code}").ToList();

        Assert.Empty(unknown);
    }

    private static List<(string Title, string Code)> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(DataFolder, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<(string, string)>();
        while (csv.Read()) rows.Add((csv.GetField("title")!.Trim(), csv.GetField("code")!.Trim()));
        return rows;
    }
}
