using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Cli.Commands;

/// <summary><c>titles normalize</c> and <c>titles evaluate</c>: free job titles to 2022 occupation codes (职业名称标准化).</summary>
public static class TitlesCommands
{
    private static readonly string[] NormalizedHeader = ["job_name", "code", "name", "score"];
    private const string RowsUsage = "--rows must be all, even, odd or K/M with 0 <= K < M (e.g. 3/4)";

    public static Command Create()
    {
        var command = new Command("titles", "Normalize free job titles to occupation codes of the 2022 classification (职业名称标准化).");
        command.Subcommands.Add(Normalize());
        command.Subcommands.Add(Evaluate());
        return command;
    }

    private static Command Normalize()
    {
        var input = new Option<string>("--in") { Description = "CSV with a job_name column (other columns are ignored)", Required = true };
        var output = new Option<string>("--out") { Description = "CSV to write: job_name,code,name,score, one row per input row, same order", Required = true };
        var command = new Command("normalize",
            "Gives each title its occupation code; a minor or middle group code (ending in 00) when the title says no more.") { input, output };
        command.SetAction(parse =>
        {
            var inPath = parse.GetValue(input)!;
            var outPath = parse.GetValue(output)!;
            if (Directory.Exists(outPath)) throw new CliUsageException($"{outPath}: is a directory, expected a file path for --out");
            var titles = ReadColumns(inPath, ["job_name"]).Select(r => r[0]).ToList();

            var normalizer = new TitleNormalizer(TaxonomyCatalog.Default);
            OutputFile.WriteCsv(outPath, csv =>
            {
                foreach (var header in NormalizedHeader) csv.WriteField(header);
                csv.NextRecord();
                foreach (var title in titles)
                {
                    var match = normalizer.Normalize(title);
                    csv.WriteField(title);
                    csv.WriteField(match.Code);
                    csv.WriteField(match.Name);
                    csv.WriteField(match.Score.ToString("0.###", CultureInfo.InvariantCulture));
                    csv.NextRecord();
                }
            });
            Console.WriteLine($"normalized {titles.Count} titles → {outPath}");
            return 0;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var input = new Option<string>("--in") { Description = "CSV with job_name and expected_code columns", Required = true };
        var rows = new Option<string>("--rows")
        {
            Description = "all, even, odd, or K/M for the rows whose index modulo M is K (the 1st data row is row 0); " +
                "by default 3/4, the held-out quarter of titles-dev.csv that no rule was tuned on",
            DefaultValueFactory = _ => "3/4",
        };
        rows.Validators.Add(result =>
        {
            if (RowSelection.TryParse(result.GetValueOrDefault<string>() ?? "", out _) is false)
                result.AddError(RowsUsage);
        });
        var command = new Command("evaluate",
            "Normalizes labelled titles and prints the accuracy at four levels: exact code, minor group (x-xx-xx), " +
            "middle group (x-xx) and major group (x). Rows whose expected_code is not a code are counted as skipped. " +
            "A title is measured by a normalizer that left out the labelled titles and the recruiting-lexicon terms equal to it " +
            "(four folds); the exact figure with the whole lexicon is printed beside, for comparison.") { input, rows };
        command.SetAction(parse =>
        {
            var inPath = parse.GetValue(input)!;
            var which = parse.GetValue(rows)!;
            // The option's validator has accepted the value already.
            if (!RowSelection.TryParse(which, out var selection)) throw new CliUsageException(RowsUsage);
            var labelled = ReadColumns(inPath, ["job_name", "expected_code"])
                .Where((_, i) => i % selection.Modulus == selection.Remainder)
                .ToList();

            // A title the normalizer learned from is measured by a normalizer that has not (four folds).
            var pairs = labelled.Select(r => (r[0], r[1].Trim())).ToList();
            var accuracy = TitleAccuracy.MeasureUnlearned(TaxonomyCatalog.Default, pairs, LabelledTitles.Embedded);
            var withWholeLexicon = TitleAccuracy.MeasureUnlearned(TaxonomyCatalog.Default, pairs, LabelledTitles.Embedded, withholdLexicon: false);
            Console.WriteLine($"titles:  {accuracy.Count} ({which} rows; {accuracy.Skipped} skipped without a valid expected_code)");
            Console.WriteLine($"learned: {LabelledTitles.Embedded.Count} labelled titles and {TitleAccuracy.LexiconTerms.Count} lexicon terms; " +
                $"left out when measuring a title (four folds): the labelled titles equal to it and the lexicon terms equal to it " +
                $"({accuracy.LexiconTermsWithheld} lexicon terms in all)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact:   {accuracy.Exact:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"minor:   {accuracy.Minor:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"middle:  {accuracy.Middle:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"major:   {accuracy.Major:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"with the lexicon terms equal to an evaluated title kept: exact {withWholeLexicon.Exact:0.000}, major {withWholeLexicon.Major:0.000}"));
            return 0;
        });
        return command;
    }

    /// <summary>Reads the named columns of every data row; a missing file or column is a user error naming file and line.</summary>
    private static List<string[]> ReadColumns(string path, string[] columns)
    {
        CliRunner.RequireFile(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.None };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read()) throw new CliUsageException($"{path}:1: empty file, expected a header with {string.Join(", ", columns)}");
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var indexes = columns.Select(c => Array.FindIndex(header, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var i = 0; i < columns.Length; i++)
            if (indexes[i] < 0)
                throw new CliUsageException($"{path}:1: no {columns[i]} column (header: {string.Join(",", header)})");

        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(indexes.Select(i => csv.GetField(i) ?? "").ToArray());
        return rows;
    }

    /// <summary>Which data rows <c>titles evaluate</c> measures: index modulo <see cref="Modulus"/> equals <see cref="Remainder"/>.</summary>
    private readonly record struct RowSelection(int Remainder, int Modulus)
    {
        public static bool TryParse(string text, out RowSelection selection)
        {
            selection = text switch
            {
                "all" => new RowSelection(0, 1),
                "even" => new RowSelection(0, 2),
                "odd" => new RowSelection(1, 2),
                _ => default,
            };
            if (selection.Modulus > 0) return true;
            var parts = text.Split('/');
            if (parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var m) && m >= 1 && k >= 0 && k < m)
            {
                selection = new RowSelection(k, m);
                return true;
            }
            selection = new RowSelection(0, 1);
            return false;
        }
    }
}
