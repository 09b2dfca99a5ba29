using System.CommandLine;

namespace Gongjiang.Cli;

public static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = "SQLite file path (created if missing) or PostgreSQL connection string (Host=…); default data/gongjiang.db",
    };
}
