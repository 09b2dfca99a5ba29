using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Matching;

namespace Gongjiang.Cli.Commands;

/// <summary><c>match jobs</c> and <c>match talent</c>: the recommendations of the platform, for lists of ids, as CSV.</summary>
public static class MatchCommands
{
    private static readonly string[] TalentForJobsHeader = ["job_id", "talent_id", "rank", "score", "reasons"];
    private static readonly string[] JobsForTalentHeader = ["talent_id", "job_id", "rank", "score", "reasons"];

    public static Command Create()
    {
        var command = new Command("match", "Ranked matches with reasons (人岗精准匹配): talent for jobs, or jobs for talent.");
        command.Subcommands.Add(Direction(jobs: true));
        command.Subcommands.Add(Direction(jobs: false));
        return command;
    }


    private static Command Direction(bool jobs)
    {
        var db = CommonOptions.Database();
        var ids = new Option<string>("--ids") { Description = jobs ? "ids.txt: one job id a line" : "ids.txt: one talent id a line", Required = true };
        var top = new Option<int>("--top") { Description = $"how many matches per id (1…{RecommendationService.MaxTop})", DefaultValueFactory = _ => 10 };
        var output = new Option<string>("--out")
        {
            Description = jobs ? "CSV to write: job_id,talent_id,rank,score,reasons" : "CSV to write: talent_id,job_id,rank,score,reasons",
            Required = true,
        };
        var command = new Command(jobs ? "jobs" : "talent", jobs
            ? "For each job id: the best K active talent. Unknown or closed jobs are reported as ids.txt:line: reason and skipped (exit 1)."
            : "For each talent id: the best K open jobs. Unknown or inactive profiles are reported as ids.txt:line: reason and skipped (exit 1).")
            { db, ids, top, output };
        command.SetAction(async (parse, ct) =>
        {
            var idsPath = parse.GetValue(ids)!;
            var outPath = parse.GetValue(output)!;
            var k = parse.GetValue(top);
            if (k < 1 || k > RecommendationService.MaxTop) throw new CliUsageException($"--top: must be between 1 and {RecommendationService.MaxTop}, got {k}");
            CliRunner.RequireFile(idsPath);
            if (Directory.Exists(outPath)) throw new CliUsageException($"{outPath}: is a directory, expected a file path for --out");
            var lines = ReadIds(idsPath);

            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var direction = jobs ? MatchInBatch.Direction.TalentForJobs : MatchInBatch.Direction.JobsForTalent;
            var batch = await host.Get<IUseCases>().RunAsync(new MatchInBatch.Query(direction, lines.Select(l => l.Id).ToList(), k), ct);
            var skipped = 0;
            var rows = 0;
            await OutputFile.WriteCsvAsync(outPath, async csv =>
            {
                foreach (var h in jobs ? TalentForJobsHeader : JobsForTalentHeader) csv.WriteField(h);
                await csv.NextRecordAsync();
                var line = 0;
                await foreach (var matched in batch.Value.WithCancellation(ct))
                {
                    var number = lines[line++].Line;
                    if (matched.Skipped != MatchInBatch.Skip.None)
                    {
                        Console.Error.WriteLine(matched.Skipped == MatchInBatch.Skip.NotOpenOrActive
                            ? $"{idsPath}:{number}: {(jobs ? "job" : "talent")} {matched.Id} is {(jobs ? "not open" : "not active")}"
                            : $"{idsPath}:{number}: unknown {(jobs ? "job" : "talent")} id {matched.Id}");
                        skipped++;
                        continue;
                    }
                    foreach (var r in matched.Items)
                    {
                        csv.WriteField(matched.Id);
                        csv.WriteField(jobs ? r.TalentId : r.JobId);
                        csv.WriteField(r.Rank.ToString(CultureInfo.InvariantCulture));
                        csv.WriteField(r.Score.ToString("0.####", CultureInfo.InvariantCulture));
                        csv.WriteField(r.Reasons?.Text ?? "");
                        await csv.NextRecordAsync();
                        rows++;
                    }
                }
            });
            Console.WriteLine($"matched {lines.Count - skipped} {(jobs ? "jobs" : "talent")} ({skipped} skipped), {rows} rows → {outPath}");
            return skipped > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Non-blank lines with their line numbers; a byte-order mark and surrounding spaces are ignored.</summary>
    private static List<(int Line, string Id)> ReadIds(string path)
    {
        var result = new List<(int, string)>();
        var n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var id = raw.Trim().TrimStart('\uFEFF');
            if (id.Length > 0) result.Add((n, id));
        }
        return result;
    }

}
