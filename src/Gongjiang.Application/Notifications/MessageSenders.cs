using System.Text.Json;
using System.Text.Encodings.Web;

namespace Gongjiang.Application.Notifications;

/// <summary>Sends one outbox message over one channel (an SMS gateway, an SMTP server, …). Throwing means "try again later".</summary>
public interface IMessageSender
{
    /// <summary><see cref="OutboxChannels.Sms"/> or <see cref="OutboxChannels.Email"/>.</summary>
    string Channel { get; }
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// The development sender: appends each message as one JSON line to <c>{folder}/{channel}-{yyyyMMdd}.jsonl</c>, so what
/// would have been sent can be read without a gateway.
/// </summary>
public sealed class FileMessageSender(string channel, string folder, TimeProvider clock) : IMessageSender
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    public string Channel => channel;
    public string Folder => folder;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow().UtcDateTime;
        var line = JsonSerializer.Serialize(new
        {
            id = message.Id, channel = message.Channel, to = message.Destination, kind = message.Kind,
            subject = message.Subject, body = message.Body, sent_at = now,
        }, Json);
        var path = Path.Combine(folder, $"{channel}-{now:yyyyMMdd}.jsonl");
        await WriteLock.WaitAsync(ct);
        try { await File.AppendAllTextAsync(path, line + "\n", ct); }
        finally { WriteLock.Release(); }
    }
}
