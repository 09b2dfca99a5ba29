using System.CommandLine;
using Gongjiang.Application.Import;

namespace Gongjiang.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var employers = new Option<FileInfo?>("--employers") { Description = "employers.csv: id,name,uscc,city,industry_cluster,enterprise_type" };
        var jobs = new Option<FileInfo?>("--jobs") { Description = "jobs.jsonl, one posting per line" };
        var talent = new Option<FileInfo?>("--talent") { Description = "talent.jsonl, one profile per line" };
        var outcomes = new Option<FileInfo?>("--outcomes") { Description = "outcomes.csv: job_id,talent_id,stage,at" };
        var command = new Command("import",
            "Upserts records by id. Each bad row is reported as file:line: reason and skipped; a row is imported whole or not at all. " +
            "Exits 0 when every row was imported, 1 when any was skipped.") { db, employers, jobs, talent, outcomes };
        command.SetAction(async (parse, ct) =>
        {
            var files = new (FileInfo? File, Func<ImportService, TextReader, string, CancellationToken, Task<ImportReport>> Import)[]
            {
                (parse.GetValue(employers), (s, r, f, c) => s.ImportEmployersAsync(r, f, c)),
                (parse.GetValue(jobs), (s, r, f, c) => s.ImportJobsAsync(r, f, c)),
                (parse.GetValue(talent), (s, r, f, c) => s.ImportTalentAsync(r, f, c)),
                (parse.GetValue(outcomes), (s, r, f, c) => s.ImportOutcomesAsync(r, f, c)),
            };
            if (files.All(f => f.File is null)) throw new CliUsageException("import: give at least one of --employers, --jobs, --talent, --outcomes");
            foreach (var (file, _) in files)
                if (file is not null) CliRunner.RequireFile(file.FullName.Length > 0 ? file.ToString() : file.FullName);

            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var anySkipped = false;
            // Employers first, then jobs and talent, then outcomes: later files refer to earlier ones.
            foreach (var (file, import) in files)
            {
                if (file is null) continue;
                using var reader = new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true);
                var report = await import(host.Get<ImportService>(), reader, file.ToString(), ct);
                foreach (var problem in report.Problems) Console.Error.WriteLine(problem);
                foreach (var notice in report.Notices) Console.Error.WriteLine(notice);
                Console.WriteLine(report);
                anySkipped |= report.Skipped > 0;
            }
            return anySkipped ? 1 : 0;
        });
        return command;
    }
}
