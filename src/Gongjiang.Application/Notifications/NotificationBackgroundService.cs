using Gongjiang.Application.Recruiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Notifications;

/// <summary>
/// The web app's background worker: sends due outbox messages every poll interval and, once a minute, expires offer
/// cards and invitations past their time. Everything it works on is in the database, so a restart loses nothing.
/// </summary>
public sealed class NotificationBackgroundService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<NotificationBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan HousekeepingEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastHousekeeping = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
                    while ((await dispatcher.DispatchDueAsync(ct: stoppingToken)) is { } report && report.Sent + report.Retrying + report.Dead >= options.Value.BatchSize
                           && !stoppingToken.IsCancellationRequested) { }
                }
                if (clock.GetUtcNow() - lastHousekeeping >= HousekeepingEvery)
                {
                    lastHousekeeping = clock.GetUtcNow();
                    await using var scope = scopes.CreateAsyncScope();
                    var expiredOffers = await scope.ServiceProvider.GetRequiredService<RecruitingService>().ExpireOffersAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<InvitationService>().ExpireDueAsync(stoppingToken);
                    if (expiredOffers > 0) logger.LogInformation("Expired {Count} offer cards", expiredOffers);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                // A database hiccup must not end the worker; the next round tries again.
                logger.LogWarning(e, "Notification round failed");
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}

public static class NotificationRegistration
{
    /// <summary>Runs the outbox dispatcher and the expiry of offers and invitations in the background (the web app does; the CLI does not).</summary>
    public static IServiceCollection AddNotificationDispatch(this IServiceCollection services)
    {
        services.AddHostedService<NotificationBackgroundService>();
        return services;
    }
}

public static class NotificationServiceRegistration
{
    /// <summary>
    /// The notifier, the inbox, the outbox dispatcher with a file sender per channel (replace by registering another
    /// <see cref="IMessageSender"/> for the channel later), and invitations. Settings come from the <c>Notifications</c>
    /// and <c>Invitations</c> configuration sections when there is a configuration.
    /// </summary>
    public static IServiceCollection AddGongjiangNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().Configure<IServiceProvider>((o, sp) =>
            sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?.GetSection("Notifications").Bind(o));
        services.AddOptions<InvitationOptions>().Configure<IServiceProvider>((o, sp) =>
            sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?.GetSection("Invitations").Bind(o));
        services.AddOptions<Sharing.SharingOptions>().Configure<IServiceProvider>((o, sp) =>
            sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?.GetSection("Sharing").Bind(o));
        services.AddScoped<NotificationService>();
        services.AddScoped<INotifier>(sp => sp.GetRequiredService<NotificationService>());
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<InvitationService>();
        foreach (var channel in new[] { OutboxChannels.Sms, OutboxChannels.Email })
            services.AddSingleton<IMessageSender>(sp => new FileMessageSender(channel, FileSenderFolder(sp), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The configured folder, or <c>outbox</c> beside the SQLite database, or <c>data/outbox</c>.</summary>
    public static string FileSenderFolder(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.FileSenderFolder;
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var database = sp.GetService<Persistence.DatabaseTarget>();
        return database?.SqliteFilePath is { } file ? Path.Combine(Path.GetDirectoryName(file)!, "outbox") : Path.GetFullPath("data/outbox");
    }
}
