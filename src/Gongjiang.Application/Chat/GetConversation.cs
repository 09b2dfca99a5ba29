using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Chat;

/// <summary>
/// A conversation as the signed-in participant sees it, with the messages after <see cref="Query.AfterSeq"/> (0: from the
/// start): how a reconnecting client catches up on what it missed.
/// </summary>
public static class GetConversation
{
    public sealed record Query(string? ConversationId, long AfterSeq = 0) : IUseCase<ConversationView>;

    public sealed class Handler(ChatService chat) : IUseCaseHandler<Query, ConversationView>
    {
        public async Task<Result<ConversationView>> HandleAsync(Query query, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(query.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<ConversationView>();
            return await chat.ViewAsync(who.Value, Math.Max(0, query.AfterSeq), ct);
        }
    }
}
