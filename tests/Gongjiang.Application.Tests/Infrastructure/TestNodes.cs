using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public ManualClock() : this(DateTimeOffset.UtcNow) { }
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// The SMS or e-mail gateway stand-in (those gateways are outside the machine): records what it was asked to send and
/// fails the first <see cref="FailFirst"/> calls, or every call when <see cref="FailAlways"/> is set.
/// </summary>
public sealed class RecordingSender(string channel) : IMessageSender
{
    private int _calls;
    public string Channel => channel;
    public int FailFirst { get; set; }
    public bool FailAlways { get; set; }
    public List<OutboxMessage> Sent { get; } = [];
    public int Calls => _calls;

    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        if (FailAlways || call <= FailFirst) throw new HttpRequestException($"gateway unavailable (call {call})");
        lock (Sent) Sent.Add(message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// One running instance of the platform over an existing database (a "node"): its own service provider, clock and
/// senders. Disposing it is the process going away; a new node over the same database is the restart.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestNode(DatabaseTarget target, TimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock);
        services.AddGongjiang(target);
        services.AddSingleton<IMessageSender>(Sms);
        services.AddSingleton<IMessageSender>(Email);
        services.Configure<NotificationOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMinutes(1);
            o.MaxAttempts = 3;
            o.Lease = TimeSpan.FromMinutes(2);
        });
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public RecordingSender Sms { get; } = new(OutboxChannels.Sms);
    public RecordingSender Email { get; } = new(OutboxChannels.Email);

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<DispatchReport> DispatchAsync(string node)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(node);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
