using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A room as its page shows it before the live connection starts: the room, its job cards, the counts and the user's role.</summary>
public static class GetLiveRoom
{
    public sealed record Query(string? RoomId) : IUseCase<LiveRoomState>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Query, LiveRoomState>
    {
        public async Task<Result<LiveRoomState>> HandleAsync(Query query, CancellationToken ct)
        {
            var room = await live.RoomAsync(query.RoomId, ct);
            if (!room.Succeeded) return room.Cast<LiveRoomState>();
            return await live.StateAsync(room.Value, await live.ActorAsync(ct), room.Value.LastSeq, ct);
        }
    }
}
