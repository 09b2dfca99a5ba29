using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The questions and the mic of a room as the signed-in user (or an anonymous viewer) sees them now: what a client loads when
/// it (re)connects — pinned answers, recent questions with upvotes, who is on the mic, my place in the queue, whether I am
/// muted; the host also gets the queue with profile summaries.
/// </summary>
public static class GetLiveTalk
{
    public sealed record Query(string? RoomId) : IUseCase<LiveTalkState>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Query, LiveTalkState>
    {
        public async Task<Result<LiveTalkState>> HandleAsync(Query query, CancellationToken ct)
        {
            var room = await talk.Live.RoomAsync(query.RoomId, ct);
            if (!room.Succeeded) return room.Cast<LiveTalkState>();
            return await talk.StateAsync(room.Value, await talk.Live.ActorAsync(ct), ct);
        }
    }
}
