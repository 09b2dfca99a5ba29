using System.CommandLine;

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
        return new Command("db", "Database maintenance.") { migrate };
    }
}
