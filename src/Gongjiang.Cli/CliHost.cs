using Gongjiang.Application;
using Gongjiang.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Cli;

/// <summary>The application services for one CLI command, over the database that <c>--db</c> names.</summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private CliHost(ServiceProvider provider)
    {
        _provider = provider;
        _scope = provider.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Opens the database, bringing its schema up to date first (the same migrations `serve` applies).</summary>
    public static async Task<CliHost> OpenAsync(string? db, CancellationToken ct = default)
    {
        DatabaseTarget target;
        try { target = DatabaseTarget.Parse(db); }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        { throw new CliUsageException($"--db: {e.Message}"); }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error));
        services.AddGongjiang(target);
        var host = new CliHost(services.BuildServiceProvider());
        try
        {
            await host.Get<DatabaseInitializer>().MigrateAsync(ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await host.DisposeAsync();
            throw new CliUsageException($"--db {target.Display}: cannot open the database: {e.Message.Split('\n')[0]}");
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
