using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Notifications;

/// <summary>
/// Queues notices in the caller's unit of work: an inbox row for the recipient's user and an outbox message per SMS or
/// e-mail channel asked for. A talent recipient is resolved to the user who owns the profile and to its contact phone
/// and e-mail; a channel with no address is skipped (there is nobody to send it to), never an error.
/// Also the inbox itself: listing, counting and marking read, always for the signed-in user only.
/// </summary>
public sealed class NotificationService(AppDbContext db, TimeProvider clock) : INotifier
{
    public const int MaxTitle = 200;
    public const int MaxBody = 2000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task QueueAsync(Notice notice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var userId = notice.RecipientUserId;
        string? phone = null, email = null;
        if (notice.RecipientTalentId is { } talentId)
        {
            userId ??= await db.Users.Where(u => u.TalentId == talentId).OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstOrDefaultAsync(ct);
            var contact = await db.TalentContacts.AsNoTracking().Where(c => c.TalentId == talentId)
                .Select(c => new { c.Phone, c.Email }).FirstOrDefaultAsync(ct);
            (phone, email) = (contact?.Phone, contact?.Email);
        }
        if (userId is not null && (phone is null || email is null) && (notice.Channels & (NoticeChannels.Sms | NoticeChannels.Email)) != 0)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.PhoneNumber, u.Email }).FirstOrDefaultAsync(ct);
            phone ??= user?.PhoneNumber;
            email ??= user?.Email;
        }

        var now = Now;
        var title = Clip(notice.Title, MaxTitle);
        var body = Clip(notice.Body, MaxBody);
        if (notice.Channels.HasFlag(NoticeChannels.InApp) && userId is not null)
            db.Add(new Notification { UserId = userId, Kind = Clip(notice.Kind, 64), Title = title, Body = body, Link = notice.Link, CreatedAt = now });
        if (notice.Channels.HasFlag(NoticeChannels.Sms) && !string.IsNullOrWhiteSpace(phone))
            db.Add(Outbox(OutboxChannels.Sms, phone, notice, title, $"【工匠】{title}：{body}", now));
        if (notice.Channels.HasFlag(NoticeChannels.Email) && !string.IsNullOrWhiteSpace(email))
            db.Add(Outbox(OutboxChannels.Email, email, notice, title, body, now));
    }

    private static OutboxMessage Outbox(string channel, string destination, Notice notice, string subject, string body, DateTime now) => new()
    {
        Channel = channel, Destination = destination.Trim(), Kind = Clip(notice.Kind, 64), Subject = subject, Body = Clip(body, MaxBody),
        Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
    };

    private static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];

    public sealed record InboxPage(IReadOnlyList<Notification> Items, int Unread, int Total);

    /// <summary>The user's notifications, newest first.</summary>
    public async Task<InboxPage> InboxAsync(string userId, bool unreadOnly = false, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var filtered = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await filtered.CountAsync(ct);
        var items = await filtered.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return new InboxPage(items, unread, total);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one of the user's notifications read; null when it is not theirs (or does not exist).</summary>
    public async Task<Notification?> MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        var notification = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is null) return null;
        notification.ReadAt ??= Now;
        await db.SaveChangesAsync(ct);
        return notification;
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = Now;
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
