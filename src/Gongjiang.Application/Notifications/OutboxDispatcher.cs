using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Notifications;

/// <summary>What one dispatch round did.</summary>
public sealed record DispatchReport(int Sent, int Retrying, int Dead);

/// <summary>
/// Sends the outbox messages that are due. Each message is first claimed with a single conditional UPDATE (pending and
/// due, or sending with an expired lease), so of two nodes only one wins it; the winner sends it and records the
/// result. A failure is retried with exponential backoff until <see cref="NotificationOptions.MaxAttempts"/>, then the
/// message is dead and kept with its last error. Nothing is deleted, so nothing is lost across a restart.
/// </summary>
public sealed class OutboxDispatcher(AppDbContext db, IEnumerable<IMessageSender> senders, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly NotificationOptions _options = options.Value;

    /// <summary>This process's name in leases.</summary>
    public static readonly string DefaultNode = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>One round: claims up to a batch of due messages and sends them.</summary>
    public async Task<DispatchReport> DispatchDueAsync(string? node = null, CancellationToken ct = default)
    {
        node ??= DefaultNode;
        var claimed = await ClaimDueAsync(node, ct);
        int sent = 0, retrying = 0, dead = 0;
        foreach (var message in claimed)
        {
            var sender = senders.LastOrDefault(s => s.Channel == message.Channel);
            try
            {
                if (sender is null) throw new InvalidOperationException($"no sender for channel '{message.Channel}'");
                await sender.SendAsync(message, ct);
                await Finish(message.Id, node, s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, Now)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                if (message.Attempts >= _options.MaxAttempts)
                {
                    await Finish(message.Id, node, s => s.SetProperty(m => m.Status, OutboxStatus.Dead)
                        .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, error), ct);
                    logger.LogWarning("Outbox message {Id} ({Channel}) given up after {Attempts} attempts: {Error}", message.Id, message.Channel, message.Attempts, error);
                    dead++;
                }
                else
                {
                    var next = Now + RetryDelay(message.Attempts);
                    await Finish(message.Id, node, s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, next)
                        .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, error), ct);
                    retrying++;
                }
            }
        }
        return new DispatchReport(sent, retrying, dead);
    }

    /// <summary>The wait after the n-th failed attempt: base, 2×base, 4×base, … capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
        return delay;
    }

    /// <summary>Claims due messages for <paramref name="node"/>: each one by a conditional update, so a message is claimed by one node only.</summary>
    public async Task<List<OutboxMessage>> ClaimDueAsync(string node, CancellationToken ct = default)
    {
        var now = Now;
        var candidates = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(_options.BatchSize).ToListAsync(ct);
        var claimed = new List<OutboxMessage>();
        var leaseUntil = now + _options.Lease;
        foreach (var id in candidates)
        {
            var won = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseUntil, leaseUntil)
                    .SetProperty(m => m.LeaseOwner, node).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (won == 1) claimed.Add(await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, ct));
        }
        return claimed;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records the result only while this node still holds the message (a lease taken over meanwhile is not overwritten).</summary>
    private Task<int> Finish(long id, string node,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> setters, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => m.Id == id && m.LeaseOwner == node && m.Status == OutboxStatus.Sending).ExecuteUpdateAsync(setters, ct);
}
