namespace Gongjiang.Application.Notifications;

/// <summary>One entry of a user's in-app inbox (站内消息).</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum OutboxStatus { Pending = 0, Sending, Sent, Dead }

/// <summary>
/// An SMS or e-mail waiting to leave the platform. It is written with the change that caused it and sent later by the
/// dispatcher; a node claims it with a lease (<see cref="LeaseUntil"/>) so two nodes never send it at once, and a
/// claim whose node died runs out and is taken up again.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary><see cref="OutboxChannels.Sms"/> or <see cref="OutboxChannels.Email"/>.</summary>
    public string Channel { get; set; } = "";
    public string Destination { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

public static class OutboxChannels
{
    public const string Sms = "sms";
    public const string Email = "email";
}

/// <summary>How notices are delivered (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Where the development file sender writes; empty means an <c>outbox</c> folder beside the SQLite database (or <c>data/outbox</c>).</summary>
    public string? FileSenderFolder { get; set; }
    /// <summary>After this many failed attempts a message is given up (dead) and kept with its last error.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The wait after the first failure; it doubles with every further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How long a node's claim on a message lasts; a message still "sending" after that is taken up again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 50;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
