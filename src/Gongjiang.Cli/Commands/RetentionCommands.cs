using System.CommandLine;
using Gongjiang.Application.Privacy;

namespace Gongjiang.Cli.Commands;

/// <summary><c>gongjiang retention run</c>: the retention job the web app runs daily, once, now.</summary>
public static class RetentionCommands
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var years = new Option<int?>("--inactive-years") { Description = "Erase seeker accounts inactive for this many years (default 3)" };
        var months = new Option<int?>("--note-months") { Description = "Remove notes on withdrawn/rejected applications after this many months (default 6)" };
        var run = new Command("run", "Erases seeker accounts past retention and removes old notes on closed applications; never touches job postings or logs.") { db, years, months };
        run.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var options = host.Get<RetentionOptions>();
            if (parse.GetValue(years) is { } y) options.InactiveSeekerYears = y is >= 1 and <= 50 ? y : throw new CliUsageException("--inactive-years: between 1 and 50");
            if (parse.GetValue(months) is { } m) options.ClosedApplicationNoteMonths = m is >= 1 and <= 600 ? m : throw new CliUsageException("--note-months: between 1 and 600");
            var report = await host.Get<RetentionService>().RunAsync(ct);
            Console.WriteLine($"{report.SeekersErased} seeker accounts erased, {report.ApplicationsAnonymised} applications anonymised, {report.NotesRemoved} notes removed");
            return 0;
        });
        return new Command("retention", "Retention of personal information.") { run };
    }
}
