using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// The key file that seals personal information, outside the database: next to a SQLite file (<c>gongjiang.db.keys</c>),
    /// or <c>data/keys/{database}.keys</c> for PostgreSQL. GONGJIANG_KEY_FILE (or the web setting <c>keys</c>) puts it elsewhere.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public string KeyFile
    {
        get => _keyFile ??= Environment.GetEnvironmentVariable("GONGJIANG_KEY_FILE") is { Length: > 0 } configured ? Path.GetFullPath(configured)
            : Provider == DatabaseProvider.Sqlite
            ? Display + ".keys"
            : Path.GetFullPath(Path.Combine("data", "keys", (new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database ?? "postgres") + ".keys"));
        init => _keyFile = string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value);
    }
    private string? _keyFile;

    public Privacy.PersonalDataProtector Protector => Privacy.PersonalDataProtector.ForFile(KeyFile);

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(ConnectionString, s => s.MigrationsHistoryTable("__migrations"));
        else
            options.UseNpgsql(ConnectionString, n => n.MigrationsHistoryTable("__migrations"));
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Privacy.PersonalDataModelCacheKeyFactory>();
        options.AddInterceptors(Privacy.PersonalDataIndexInterceptor.Instance, Talent.TalentSearchIndexInterceptor.Instance);
    }

    private DbContextOptions? _options;
    private ILoggerFactory? _optionsLogging;
    private IInterceptor? _optionsInterceptor;

    /// <summary>A context for this database: the provider's own context type, so its own migrations apply.</summary>
    public AppDbContext CreateContext(ILoggerFactory? logging = null, IInterceptor? interceptor = null)
    {
        // Options are built once per target (EF Core caches its internal services per options shape).
        if (_options is null || !ReferenceEquals(_optionsLogging, logging) || !ReferenceEquals(_optionsInterceptor, interceptor))
        {
            DbContextOptionsBuilder builder = Provider == DatabaseProvider.Sqlite
                ? new DbContextOptionsBuilder<SqliteAppDbContext>()
                : new DbContextOptionsBuilder<PostgresAppDbContext>();
            if (Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(Path.GetDirectoryName(Display)!);
            Configure(builder);
            if (logging is not null) builder.UseLoggerFactory(logging);
            if (interceptor is not null) builder.AddInterceptors(interceptor);
            (_options, _optionsLogging, _optionsInterceptor) = (builder.Options, logging, interceptor);
        }
        AppDbContext context = Provider == DatabaseProvider.Sqlite
            ? new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)_options)
            : new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)_options);
        context.Protector = Protector;
        return context;
    }
}
