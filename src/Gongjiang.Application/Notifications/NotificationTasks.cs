using Gongjiang.Application.Common;
using Gongjiang.Application.Recruiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Notifications;

/// <summary>Sends due outbox messages every poll interval, batch after batch while batches come back full.</summary>
public sealed class OutboxDispatchTask(IOptions<NotificationOptions> options) : IPeriodicTask
{
    public string Name => "outbox";
    public TimeSpan FirstRunAfter => TimeSpan.Zero;
    public TimeSpan Interval => options.Value.PollInterval;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        while ((await dispatcher.DispatchDueAsync(ct: ct)) is { } report && report.Sent + report.Retrying + report.Dead >= options.Value.BatchSize
               && !ct.IsCancellationRequested) { }
    }
}

/// <summary>Once a minute, expires offer cards and invitations past their time.</summary>
public sealed class OfferAndInvitationExpiryTask(ILogger<OfferAndInvitationExpiryTask> logger) : IPeriodicTask
{
    public string Name => "offer-invitation-expiry";
    public TimeSpan FirstRunAfter => TimeSpan.Zero;
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var expiredOffers = await services.GetRequiredService<RecruitingService>().ExpireOffersAsync(ct);
        await services.GetRequiredService<InvitationService>().ExpireDueAsync(ct);
        if (expiredOffers > 0) logger.LogInformation("Expired {Count} offer cards", expiredOffers);
    }
}

public static class NotificationRegistration
{
    /// <summary>
    /// Runs the outbox dispatcher and the expiry of offers and invitations in the background (the web app does; the CLI
    /// does not). Everything they work on is in the database, so a restart loses nothing.
    /// </summary>
    public static IServiceCollection AddNotificationDispatch(this IServiceCollection services) =>
        services.AddPeriodicTask<OutboxDispatchTask>().AddPeriodicTask<OfferAndInvitationExpiryTask>();
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
        services.AddOptions<Sharing.PrivacyOptions>().Configure<IServiceProvider>((o, sp) =>
            sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?.GetSection("Privacy").Bind(o));
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
