using Gongjiang.Application;
using Gongjiang.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a new database on the real PostgreSQL server
/// that scripts/test.sh starts (GONGJIANG_TEST_PG). PostgreSQL tests fail, never skip, when that server is missing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly TheoryData<DatabaseProvider> Providers = new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseTarget target, ServiceProvider services, Func<Task> drop)
    {
        Target = target;
        _services = services;
        _drop = drop;
    }

    public DatabaseTarget Target { get; }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("GONGJIANG_TEST_PG")
        ?? throw new InvalidOperationException("PostgreSQL tests need GONGJIANG_TEST_PG (a connection string); run scripts/test.sh, which starts a server.");

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    /// <summary>
    /// A migrated database. Each provider migrates a template once per test run; every test then gets a copy
    /// (a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL), so tests stay independent and fast.
    /// </summary>
    /// <summary>One key file for every test database of this run (one EF model); a test that rotates keys passes its own.</summary>
    public static readonly string SharedKeyFile = Path.Combine(Path.GetTempPath(), $"gongjiang-test-{Environment.ProcessId}.keys");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null, string? keyFile = null)
    {
        DatabaseTarget target;
        Func<Task> drop;
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var path = Path.Combine(Path.GetTempPath(), $"gongjiang-test-{Guid.NewGuid():N}.db");
            File.Copy(template, path);
            target = DatabaseTarget.Parse(path) with { KeyFile = keyFile ?? SharedKeyFile };
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
                return Task.CompletedTask;
            };
        }
        else
        {
            var template = await PostgresTemplateAsync();
            var name = "gj_test_" + Guid.NewGuid().ToString("N")[..16];
            await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE {template}");
            target = DatabaseTarget.Parse(WithDatabase(name)) with { KeyFile = keyFile ?? SharedKeyFile };
            drop = async () =>
            {
                NpgsqlConnection.ClearPool(new NpgsqlConnection(WithDatabase(name)));
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            };
        }
        if (keyFile is not null)
        {
            var inner = drop;
            drop = async () => { await inner(); File.Delete(keyFile); };
        }
        return new TestDatabase(target, BuildServices(target, clock), drop);
    }

    /// <summary>An empty database with no schema at all, for tests that migrate step by step (the key file is the shared one).</summary>
    public static async Task<TestDatabase> CreateUnmigratedAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"gongjiang-test-{Guid.NewGuid():N}.db");
            var target = DatabaseTarget.Parse(path) with { KeyFile = SharedKeyFile };
            return new TestDatabase(target, BuildServices(target, null), () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
                return Task.CompletedTask;
            });
        }
        var name = "gj_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteOnServerAsync($"CREATE DATABASE {name} ENCODING 'UTF8'");
        var pg = DatabaseTarget.Parse(WithDatabase(name)) with { KeyFile = SharedKeyFile };
        return new TestDatabase(pg, BuildServices(pg, null), async () =>
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(WithDatabase(name)));
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static ServiceProvider BuildServices(DatabaseTarget target, TimeProvider? clock)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null) services.AddSingleton(clock);
        services.AddGongjiang(target);
        return services.BuildServiceProvider();
    }

    private static async Task MigrateAsync(DatabaseTarget target)
    {
        await using var services = BuildServices(target, null);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is not null) return _sqliteTemplate;
            var path = Path.Combine(Path.GetTempPath(), $"gongjiang-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            await MigrateAsync(DatabaseTarget.Parse(path) with { KeyFile = SharedKeyFile });
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // closing the last connection checkpoints the WAL
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { File.Delete(path); File.Delete(SharedKeyFile); };
            return _sqliteTemplate = path;
        }
        finally { TemplateLock.Release(); }
    }

    private static async Task<string> PostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is not null) return _postgresTemplate;
            var name = "gj_template_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteOnServerAsync($"CREATE DATABASE {name} ENCODING 'UTF8'");
            await MigrateAsync(DatabaseTarget.Parse(WithDatabase(name)) with { KeyFile = SharedKeyFile });
            NpgsqlConnection.ClearPool(new NpgsqlConnection(WithDatabase(name)));
            return _postgresTemplate = name;
        }
        finally { TemplateLock.Release(); }
    }

    private static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }
}
