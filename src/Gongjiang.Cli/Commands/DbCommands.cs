using System.CommandLine;
using Gongjiang.Application.Persistence;

namespace Gongjiang.Cli.Commands;

public static class DbCommands
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var migrate = new Command("migrate", "Creates or upgrades the database schema and reference data.") { db };
        migrate.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            Console.WriteLine("database is up to date");
            return 0;
        });
        return new Command("db", "Database maintenance.") { migrate, Backup(), Restore() };
    }

    private static Command Backup()
    {
        var db = CommonOptions.Database();
        var output = new Option<string>("--out") { Description = "backup file to write (SQLite: a database file; PostgreSQL: pg_dump custom format)", Required = true };
        var command = new Command("backup", "Writes a consistent copy of the database to a file, also while the platform runs.") { db, output };
        command.SetAction(async (parse, ct) =>
        {
            var target = ParseTarget(parse.GetValue(db));
            var file = parse.GetValue(output)!;
            await Guarded(() => BackupService.BackupAsync(target, file, ct));
            Console.WriteLine($"backed up {target.Display} to {Path.GetFullPath(file)} ({new FileInfo(file).Length} bytes)");
            return 0;
        });
        return command;
    }

    private static Command Restore()
    {
        var db = CommonOptions.Database();
        var input = new Option<string>("--in") { Description = "backup file written by `db backup`", Required = true };
        var force = new Option<bool>("--force") { Description = "replace a database that is not empty" };
        var command = new Command("restore", "Replaces the database with a backup; refuses a non-empty database without --force.") { db, input, force };
        command.SetAction(async (parse, ct) =>
        {
            var target = ParseTarget(parse.GetValue(db));
            var file = parse.GetValue(input)!;
            await Guarded(() => BackupService.RestoreAsync(target, file, parse.GetValue(force), ct));
            Console.WriteLine($"restored {target.Display} from {Path.GetFullPath(file)}");
            return 0;
        });
        return command;
    }

    private static DatabaseTarget ParseTarget(string? db)
    {
        try { return DatabaseTarget.Parse(db); }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        { throw new CliUsageException($"error: --db: {e.Message}"); }
    }

    private static async Task Guarded(Func<Task> action)
    {
        try { await action(); }
        catch (BackupException e) { throw new CliUsageException("error: " + e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new CliUsageException("error: " + e.Message); }
    }
}
