using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Cli.Commands;

/// <summary><c>postings screen</c>: screens postings as publication would and writes the flags.</summary>
public static class PostingsCommands
{
    public static Command Create()
    {
        var command = new Command("postings", "Work with job postings (招聘岗位).");
        command.Subcommands.Add(Screen());
        return command;
    }

    private static Command Screen()
    {
        var input = new Option<string>("--in") { Description = "jobs.jsonl, one posting per line", Required = true };
        var output = new Option<string>("--out") { Description = "flags.csv: job_id,rule,severity,excerpt,legal_basis (zero or more rows per job)", Required = true };
        var command = new Command("screen",
            "Screens postings as publication would: discrimination, fees and deposits, bait pay, off-platform contacts, missing fields. " +
            "A malformed line is reported as file:line: reason and skipped; exits 1 when any line was skipped.") { input, output };
        command.SetAction(parse =>
        {
            var inPath = parse.GetValue(input)!;
            var outPath = parse.GetValue(output)!;
            CliRunner.RequireFile(inPath);
            if (Directory.Exists(outPath)) throw new CliUsageException($"{outPath}: is a directory, expected a file path for --out");

            var (postings, badLines) = Read(inPath);
            // As on publication, a posting without an occupation code is classified from its title, so its pay is
            // compared with the right occupation.
            var titles = new TitleNormalizer(TaxonomyCatalog.Default);
            for (var i = 0; i < postings.Count; i++)
                if (string.IsNullOrWhiteSpace(postings[i].OccupationCode) && titles.Normalize(postings[i].Title) is { } match
                    && match.Code != TitleNormalizer.UnclassifiedCode)
                    postings[i] = postings[i] with { OccupationCode = match.Code };
            // Pay is compared with what the same file's postings pay for the same work in the same city where there are
            // enough of them, and with the built-in norms otherwise.
            var screener = new PostingScreener(payNorms: ObservedPayNorms.FromPostings(postings));
            var rows = 0;
            OutputFile.WriteCsv(outPath, csv =>
            {
                foreach (var header in Header) csv.WriteField(header);
                csv.NextRecord();
                foreach (var posting in postings)
                    foreach (var flag in screener.Screen(posting).Flags)
                    {
                        csv.WriteField(OutputFile.SpreadsheetSafe(posting.Id));
                        csv.WriteField(flag.Rule);
                        csv.WriteField(flag.SeverityName);
                        csv.WriteField(OutputFile.SpreadsheetSafe(flag.Excerpt));
                        csv.WriteField(flag.LegalBasis);
                        csv.NextRecord();
                        rows++;
                    }
            });
            Console.WriteLine($"screened {postings.Count} postings, {rows} flags, {badLines} lines skipped → {outPath}");
            return badLines > 0 ? 1 : 0;
        });
        return command;
    }

    private static readonly string[] Header = ["job_id", "rule", "severity", "excerpt", "legal_basis"];

    private static (List<PostingForScreening> Postings, int BadLines) Read(string path)
    {
        var postings = new List<PostingForScreening>();
        var bad = 0;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JobLine? job = null;
            string? error;
            if (!line.TrimStart().StartsWith('{')) error = "expected a JSON object";
            else job = InterchangeJson.ParseLine<JobLine>(line, out error);
            if (job is not null && string.IsNullOrWhiteSpace(job.Id)) error = "missing id";
            if (error is not null || job is null)
            {
                Console.Error.WriteLine($"{path}:{number}: {error ?? "not a JSON object"}");
                bad++;
                continue;
            }
            postings.Add(PostingForScreening.From(job));
        }
        return (postings, bad);
    }

}
