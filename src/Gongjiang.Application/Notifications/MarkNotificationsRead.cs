using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Notifications;

/// <summary>
/// The signed-in user marks one of their notifications read (<see cref="Command.Id"/>), or all of them (null); the answer
/// is the notification, or how many were marked. Another user's notification does not exist.
/// </summary>
public static class MarkNotificationsRead
{
    public sealed record Command(long? Id) : IUseCase<Marked>;

    public sealed record Marked(Notification? Notification, int Count);

    public sealed class Handler(NotificationService inbox, ICurrentUser currentUser) : IUseCaseHandler<Command, Marked>
    {
        public async Task<Result<Marked>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { } actor) return Error.Forbidden(NotificationErrors.NoAccount);
            if (command.Id is not { } id) return new Marked(null, await inbox.MarkAllReadAsync(actor.UserId, ct));
            return await inbox.MarkReadAsync(actor.UserId, id, ct) is { } read ? new Marked(read, 1) : Error.NotFound(NotificationErrors.NotFound, id);
        }
    }
}
