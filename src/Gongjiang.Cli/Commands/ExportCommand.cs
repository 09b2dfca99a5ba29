using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Import;
using Gongjiang.Core.Interchange;

namespace Gongjiang.Cli.Commands;

public static class ExportCommand
{
    private static readonly string[] EmployerHeader = ["id", "name", "uscc", "city", "industry_cluster", "enterprise_type"];

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var employers = new Option<FileInfo?>("--employers") { Description = "write employers.csv" };
        var jobs = new Option<FileInfo?>("--jobs") { Description = "write jobs.jsonl" };
        var talent = new Option<FileInfo?>("--talent") { Description = "write talent.jsonl (with contact data: handle as personal information)" };
        var outcomes = new Option<FileInfo?>("--outcomes") { Description = "write outcomes.csv" };
        var command = new Command("export", "Writes the database in the import file formats, so an export imports back unchanged.")
            { db, employers, jobs, talent, outcomes };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(employers) is null && parse.GetValue(jobs) is null && parse.GetValue(talent) is null && parse.GetValue(outcomes) is null)
                throw new CliUsageException("export: give at least one of --employers, --jobs, --talent, --outcomes");
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var useCases = host.Get<IUseCases>();
            foreach (var (file, kind) in new[] { (parse.GetValue(employers), ExportRecords.Kind.Employers), (parse.GetValue(jobs), ExportRecords.Kind.Jobs),
                (parse.GetValue(talent), ExportRecords.Kind.Talent), (parse.GetValue(outcomes), ExportRecords.Kind.Outcomes) })
            {
                if (file is null) continue;
                var export = (await useCases.RunAsync(new ExportRecords.Query(kind), ct)).Value;
                var count = 0;
                await OutputFile.WriteAsync(file.ToString(), async writer =>
                {
                    await using var csv = kind is ExportRecords.Kind.Employers ? new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true) : null;
                    if (kind is ExportRecords.Kind.Employers)
                    {
                        foreach (var h in EmployerHeader) csv!.WriteField(h);
                        await csv!.NextRecordAsync();
                    }
                    if (kind is ExportRecords.Kind.Outcomes) await writer.WriteLineAsync("job_id,talent_id,stage,at");
                    await foreach (var row in export.Rows.WithCancellation(ct))
                    {
                        switch (row)
                        {
                            case ExportRecords.EmployerRow e:
                                foreach (var v in new[] { e.Id, e.Name, e.Uscc, e.City, e.IndustryCluster, e.EnterpriseType }) csv!.WriteField(OutputFile.SpreadsheetSafe(v));
                                await csv!.NextRecordAsync();
                                break;
                            case ExportRecords.OutcomeRow o:
                                await writer.WriteLineAsync($"{o.JobId},{o.TalentId},{o.Stage},{o.At:yyyy-MM-ddTHH:mm:ssZ}");
                                break;
                            default:
                                await writer.WriteLineAsync(JsonSerializer.Serialize(row, row.GetType(), InterchangeJson.Options));
                                break;
                        }
                        count++;
                    }
                });
                Console.WriteLine($"{kind.ToString().ToLowerInvariant()}: {count} written to {file}");
            }
            return 0;
        });
        return command;
    }
}
