using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Notifications;

/// <summary>The signed-in user marks one of their notifications read; another user's notification does not exist.</summary>
public static class MarkNotificationRead
{
    public sealed record Command(long Id) : IUseCase<Notification>;

    public sealed class Handler(NotificationService inbox, ICurrentUser currentUser) : IUseCaseHandler<Command, Notification>
    {
        public async Task<Result<Notification>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { } actor) return Error.Forbidden(NotificationErrors.NoAccount);
            return await inbox.MarkReadAsync(actor.UserId, command.Id, ct) is { } read ? read : Error.NotFound(NotificationErrors.NotFound, command.Id);
        }
    }
}
