using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Notifications;

/// <summary>The signed-in user reads their inbox (站内消息): newest first, optionally unread only, with the unread count.</summary>
public static class ListInbox
{
    public const int MaxTake = 200;
    public const int MaxSkip = 100_000;

    public sealed record Query(bool UnreadOnly = false, int Skip = 0, int Take = 50) : IUseCase<NotificationService.InboxPage>;

    public sealed class Handler(NotificationService inbox, ICurrentUser currentUser) : IUseCaseHandler<Query, NotificationService.InboxPage>
    {
        public async Task<Result<NotificationService.InboxPage>> HandleAsync(Query query, CancellationToken ct)
        {
            var errors = new ErrorList();
            if (query.Skip is < 0 or > MaxSkip) errors.Add("skip", InputErrors.Between, 0, MaxSkip);
            if (query.Take is < 1 or > MaxTake) errors.Add("take", InputErrors.Between, 1, MaxTake);
            if (!errors.IsEmpty) return errors;
            if (await currentUser.GetAsync(ct) is not { } actor) return Error.Forbidden(NotificationErrors.NoAccount);
            return await inbox.InboxAsync(actor.UserId, query.UnreadOnly, query.Skip, query.Take, ct);
        }
    }
}
