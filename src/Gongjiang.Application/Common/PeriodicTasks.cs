using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Common;

/// <summary>
/// Background work the web app repeats on every node. A run must be safe when several nodes run it at once: work is either
/// claimed (the outbox leases its messages) or idempotent (expiry, retention and re-verification only act on what is due).
/// </summary>
public interface IPeriodicTask
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }
    /// <summary>The wait between the start of the app and the first run.</summary>
    TimeSpan FirstRunAfter { get; }
    /// <summary>The wait after a run (finished or failed) before the next.</summary>
    TimeSpan Interval { get; }
    /// <summary>One run, with the services of a scope of its own.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// The one hosted service that runs every registered <see cref="IPeriodicTask"/>: each on its own schedule, so a long
/// run of one never holds up another, each run in a fresh scope, and a failed run is logged and tried again at the next interval.
/// </summary>
public sealed class PeriodicTaskScheduler(IEnumerable<IPeriodicTask> tasks, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<PeriodicTaskScheduler> logger) : BackgroundService
{
    public IReadOnlyList<IPeriodicTask> Tasks { get; } = tasks.ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Tasks.Select(task => Task.Run(() => LoopAsync(task, stoppingToken), CancellationToken.None)));

    private async Task LoopAsync(IPeriodicTask task, CancellationToken stoppingToken)
    {
        if (!await WaitAsync(task.FirstRunAfter, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(task, stoppingToken);
            if (!await WaitAsync(task.Interval, stoppingToken)) return;
        }
    }

    /// <summary>Runs a task once in a scope of its own; false when it failed (the failure is logged).</summary>
    public async Task<bool> RunOnceAsync(IPeriodicTask task, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return false; }
        catch (Exception e)
        {
            // A database hiccup must not end the schedule; the next run tries again.
            logger.LogError(e, "The background task {Task} failed; it runs again in {Interval}", task.Name, task.Interval);
            return false;
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, clock, ct);
            return !ct.IsCancellationRequested;
        }
        catch (OperationCanceledException) { return false; }
    }
}

public static class PeriodicTaskRegistration
{
    /// <summary>Adds a task to the schedule (once, however often it is added) and the scheduler that runs them.</summary>
    public static IServiceCollection AddPeriodicTask<TTask>(this IServiceCollection services) where TTask : class, IPeriodicTask
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPeriodicTask, TTask>());
        services.TryAddSingleton<PeriodicTaskScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PeriodicTaskScheduler>(sp => sp.GetRequiredService<PeriodicTaskScheduler>()));
        return services;
    }

    /// <summary>
    /// Everything the web app runs in the background: outbox sending and the expiry of offers and invitations
    /// (<c>Notifications:PollInterval</c>), retention of personal information (<c>Retention:Interval</c>, daily) and the
    /// daily re-verification check of employers, large imports (<c>Import:PollInterval</c>), the live rooms' viewer counts (every two seconds),
    /// their reminders to subscribers (every minute) and the upkeep of who is watching (every ten seconds).
    /// </summary>
    public static IServiceCollection AddGongjiangBackgroundTasks(this IServiceCollection services)
    {
        Notifications.NotificationRegistration.AddNotificationDispatch(services);
        services.AddPeriodicTask<Privacy.RetentionTask>();
        services.AddPeriodicTask<Compliance.VerificationExpiryTask>();
        services.AddPeriodicTask<Import.ImportTaskWorker>();
        services.AddPeriodicTask<LiveRooms.LiveRoomViewerTicker>();
        services.AddPeriodicTask<LiveRooms.LiveRoomReminderTask>();
        services.AddPeriodicTask<LiveRooms.LiveRoomViewerSampler>();
        services.AddPeriodicTask<LiveRooms.LiveRoomPresenceUpkeep>();
        return services;
    }
}
