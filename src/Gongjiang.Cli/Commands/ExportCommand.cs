using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Interchange;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Cli.Commands;

public static class ExportCommand
{
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
            var context = host.Get<AppDbContext>();
            if (parse.GetValue(employers) is { } employerFile)
            {
                var rows = await context.Employers.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
                await OutputFile.WriteAsync(employerFile.ToString(), async writer =>
                {
                    await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
                    csv.WriteField("id"); csv.WriteField("name"); csv.WriteField("uscc"); csv.WriteField("city"); csv.WriteField("industry_cluster"); csv.WriteField("enterprise_type");
                    await csv.NextRecordAsync();
                    foreach (var e in rows)
                    {
                        foreach (var v in new[] { e.Id, e.Name, e.Uscc, e.CityCode, e.IndustryCluster, EnterpriseTypes.ToFileName(e.EnterpriseType) })
                            csv.WriteField(OutputFile.SpreadsheetSafe(v));
                        await csv.NextRecordAsync();
                    }
                });
                Console.WriteLine($"employers: {rows.Count} written to {employerFile}");
            }
            if (parse.GetValue(jobs) is { } jobFile)
            {
                var count = 0;
                await OutputFile.WriteAsync(jobFile.ToString(), async writer =>
                {
                    await foreach (var j in context.Jobs.AsNoTracking().OrderBy(j => j.Id).AsAsyncEnumerable().WithCancellation(ct))
                    {
                        await writer.WriteLineAsync(JsonSerializer.Serialize(JobRecordMapper.ToLine(j), InterchangeJson.Options));
                        count++;
                    }
                });
                Console.WriteLine($"jobs: {count} written to {jobFile}");
            }
            if (parse.GetValue(talent) is { } talentFile)
            {
                var count = 0;
                var contacts = await context.TalentContacts.AsNoTracking().ToDictionaryAsync(c => c.TalentId, ct);
                await OutputFile.WriteAsync(talentFile.ToString(), async writer =>
                {
                    await foreach (var t in context.Talent.AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(ct))
                    {
                        var line = TalentService.ToLine(t, contacts.GetValueOrDefault(t.Id), includeProtected: true);
                        await writer.WriteLineAsync(JsonSerializer.Serialize(line, InterchangeJson.Options));
                        count++;
                    }
                });
                Console.WriteLine($"talent: {count} written to {talentFile}");
            }
            if (parse.GetValue(outcomes) is { } outcomeFile)
            {
                var rows = await context.Outcomes.AsNoTracking().OrderBy(o => o.At).ThenBy(o => o.Id).ToListAsync(ct);
                await OutputFile.WriteAsync(outcomeFile.ToString(), async writer =>
                {
                    await writer.WriteLineAsync("job_id,talent_id,stage,at");
                    foreach (var o in rows)
                        await writer.WriteLineAsync($"{o.JobId},{o.TalentId},{Gongjiang.Core.Recruiting.OutcomeStages.ToFileName(o.Stage)},{DateTime.SpecifyKind(o.At, DateTimeKind.Utc):yyyy-MM-ddTHH:mm:ssZ}");
                });
                Console.WriteLine($"outcomes: {rows.Count} written to {outcomeFile}");
            }
            return 0;
        });
        return command;
    }
}
