using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Notifications;

/// <summary>The signed-in user marks all their notifications read; the answer is how many were unread.</summary>
public static class MarkAllNotificationsRead
{
    public sealed record Command : IUseCase<int>;

    public sealed class Handler(NotificationService inbox, ICurrentUser currentUser) : IUseCaseHandler<Command, int>
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct) =>
            await currentUser.GetAsync(ct) is { } actor ? await inbox.MarkAllReadAsync(actor.UserId, ct) : Error.Forbidden(NotificationErrors.NoAccount);
    }
}
