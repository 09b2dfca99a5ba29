namespace Gongjiang.Application.Notifications;

/// <summary>The ways a notice can reach a person.</summary>
[Flags]
public enum NoticeChannels
{
    InApp = 1,
    Sms = 2,
    Email = 4,
}

/// <summary>
/// One thing a person should hear about. The recipient is a signed-in user, or a talent profile (whose user, phone and
/// e-mail are looked up when it is delivered). <paramref name="Kind"/> is a stable machine name such as
/// <c>application.stage</c>, <c>invitation</c>, <c>offer</c>, <c>campus.outreach</c>.
/// </summary>
public sealed record Notice(
    string Kind,
    string Title,
    string Body,
    NoticeChannels Channels = NoticeChannels.InApp,
    string? RecipientUserId = null,
    string? RecipientTalentId = null,
    string? Link = null);

/// <summary>
/// Queues notices. A notice is written in the caller's unit of work (it is saved with the caller's next
/// <c>SaveChanges</c>, so it exists exactly when the change that caused it does) and delivered in the background.
/// </summary>
public interface INotifier
{
    /// <summary>Adds the notice to the current database context; the caller's SaveChanges commits it.</summary>
    Task QueueAsync(Notice notice, CancellationToken ct = default);
}
