using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>The room page: the room's state (anyone), and for the signed-in user the pushes to them, what they applied to and their reminder.</summary>
public static class GetLiveRoomPage
{
    public sealed record Query(string? RoomId) : IUseCase<LiveRoomPage>;

    public sealed class Handler(LiveRoomService live, LiveRoomAudience audience) : IUseCaseHandler<Query, LiveRoomPage>
    {
        public async Task<Result<LiveRoomPage>> HandleAsync(Query query, CancellationToken ct)
        {
            var room = await live.RoomAsync(query.RoomId, ct);
            if (!room.Succeeded) return room.Cast<LiveRoomPage>();
            var actor = await live.ActorAsync(ct);
            var state = await live.StateAsync(room.Value, actor, room.Value.LastSeq, ct);
            var announcements = (await live.Db.Set<LiveRoomEvent>().AsNoTracking()
                .Where(e => e.RoomId == room.Value.Id && e.Kind == LiveRoomEventKinds.Announcement).OrderByDescending(e => e.Seq).Take(20).ToListAsync(ct))
                .Select(LiveRoomService.ToBroadcast).ToList();
            return new LiveRoomPage(state, announcements, await audience.MineAsync(room.Value, actor, ct), await audience.ApplicationCountAsync(room.Value.Id, ct));
        }
    }
}

/// <summary>What is the signed-in user's own in a room (the pushes to them, what they applied to, their reminder): what a reconnecting page reloads.</summary>
public static class GetMyLiveRoomItems
{
    public sealed record Query(string? RoomId) : IUseCase<LiveRoomMine>;

    public sealed class Handler(LiveRoomService live, LiveRoomAudience audience) : IUseCaseHandler<Query, LiveRoomMine>
    {
        public async Task<Result<LiveRoomMine>> HandleAsync(Query query, CancellationToken ct)
        {
            var room = await live.RoomAsync(query.RoomId, ct);
            if (!room.Succeeded) return room.Cast<LiveRoomMine>();
            return await audience.MineAsync(room.Value, await live.ActorAsync(ct), ct);
        }
    }
}

/// <summary>The host's console: the room, the applications from it, the seekers who may be pushed to, and the pushes sent. Host only.</summary>
public static class GetLiveRoomConsole
{
    public sealed record Query(string? RoomId) : IUseCase<LiveRoomConsole>;

    public sealed class Handler(LiveRoomService live, LiveRoomAudience audience) : IUseCaseHandler<Query, LiveRoomConsole>
    {
        public async Task<Result<LiveRoomConsole>> HandleAsync(Query query, CancellationToken ct)
        {
            var host = await live.HostAsync(query.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveRoomConsole>();
            var room = host.Value.Room;
            var state = await live.StateAsync(room, host.Value.Actor, room.LastSeq, ct);
            return new LiveRoomConsole(state, room.MicRoomUrl, await audience.ApplicationsAsync(room.Id, ct), await audience.AudienceAsync(room.Id, ct),
                await audience.PushesAsync(room.Id, null, ct));
        }
    }
}
