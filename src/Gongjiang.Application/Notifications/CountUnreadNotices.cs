using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Notifications;

/// <summary>How many of the signed-in user's notices are unread (the badge on 消息 in every page's header); none when signed out.</summary>
public static class CountUnreadNotices
{
    public sealed record Query : IUseCase<int>;

    public sealed class Handler(NotificationService notices, ICurrentUser currentUser) : IUseCaseHandler<Query, int>
    {
        public async Task<Result<int>> HandleAsync(Query query, CancellationToken ct) =>
            await currentUser.GetAsync(ct) is { } actor ? await notices.UnreadCountAsync(actor.UserId, ct) : 0;
    }
}
