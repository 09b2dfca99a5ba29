using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Where the data lives: a SQLite file (embedded, the default) or a PostgreSQL server, chosen by the
/// <c>--db</c> value: a connection string with <c>Host=</c> means PostgreSQL, anything else is a SQLite path.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string Display)
{
    public const string DefaultSqlitePath = "data/gongjiang.db";

    public static DatabaseTarget Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? DefaultSqlitePath : value.Trim();
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var safe = System.Text.RegularExpressions.Regex.Replace(value, @"(?i)password=[^;]*", "Password=***");
            return new DatabaseTarget(DatabaseProvider.PostgreSql, value, safe);
        }
        var path = Path.GetFullPath(value.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? value["Data Source=".Length..] : value);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = true, DefaultTimeout = 30 };
        return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ToString(), path);
    }

    public string? SqliteFilePath => Provider == DatabaseProvider.Sqlite ? Display : null;

    /// <summary>Registers the provider's DbContext as <see cref="AppDbContext"/>.</summary>
    public void Register(IServiceCollection services)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Display)!);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => Configure(o));
        }
        else
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => Configure(o));
        }
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(ConnectionString, s => s.MigrationsHistoryTable("__migrations"));
        else
            options.UseNpgsql(ConnectionString, n => n.MigrationsHistoryTable("__migrations"));
    }

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public AppDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Display)!);
            var builder = new DbContextOptionsBuilder<SqliteAppDbContext>();
            Configure(builder);
            return new SqliteAppDbContext(builder.Options);
        }
        var pg = new DbContextOptionsBuilder<PostgresAppDbContext>();
        Configure(pg);
        return new PostgresAppDbContext(pg.Options);
    }
}
