using Gongjiang.Core.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// The screening policy in force, held once per process so building a <see cref="PostingScreener"/> costs no query.
/// Loaded asynchronously at start (<see cref="ScreeningPolicyWarmup"/>) and replaced as soon as an operator saves a rule
/// on this node (<see cref="ComplianceSettings.SetRuleAsync"/>). A policy older than <see cref="MaxAge"/> is reloaded in the
/// background while the held one keeps serving, so a change saved on another node applies here within that time.
/// </summary>
public sealed class ScreeningPolicyCache(IServiceScopeFactory scopes, ILogger<ScreeningPolicyCache> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Entry(ScreeningPolicy Policy, long LoadedAtTicks);

    private volatile Entry? _entry;
    private int _reloading;
    private long _generation;

    /// <summary>The held policy, or null before the first load.</summary>
    public ScreeningPolicy? Current => _entry?.Policy;

    public void Set(ScreeningPolicy policy)
    {
        Interlocked.Increment(ref _generation);
        _entry = new Entry(policy, Environment.TickCount64);
    }

    /// <summary>Loads the stored policy now and holds it, unless a newer one was set while it loaded.</summary>
    public async Task<ScreeningPolicy> ReloadAsync(CancellationToken ct = default)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var policy = await scope.ServiceProvider.GetRequiredService<ComplianceSettings>().LoadPolicyAsync(ct);
        if (Interlocked.CompareExchange(ref _generation, generation + 1, generation) == generation)
            _entry = new Entry(policy, Environment.TickCount64);
        return policy;
    }

    /// <summary>
    /// The policy for a new screener. Before any load (a process that started without <see cref="ScreeningPolicyWarmup"/>,
    /// such as a CLI command) it is read once with <paramref name="load"/>; a held policy past its age is reloaded in the background.
    /// </summary>
    public ScreeningPolicy Get(Func<ScreeningPolicy> load)
    {
        var entry = _entry;
        if (entry is null)
        {
            var policy = load();
            Set(policy);
            return policy;
        }
        if (Environment.TickCount64 - entry.LoadedAtTicks > MaxAge.TotalMilliseconds && Interlocked.Exchange(ref _reloading, 1) == 0)
            _ = Task.Run(async () =>
            {
                try { await ReloadAsync(); }
                catch (Exception e) when (e is not OutOfMemoryException) { logger.LogWarning(e, "Reloading the screening policy failed; the held one stays in force"); }
                finally { Volatile.Write(ref _reloading, 0); }
            });
        return entry.Policy;
    }
}

/// <summary>Loads the screening policy when the web app starts, so no request waits for it.</summary>
public sealed class ScreeningPolicyWarmup(ScreeningPolicyCache cache, ILogger<ScreeningPolicyWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await cache.ReloadAsync(cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not yet migrated: the first screener loads it instead.
            logger.LogWarning(e, "The screening policy could not be loaded at start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
