using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// A connection starts watching a room (anyone may watch): it is counted across every node, the viewer is remembered for
/// unique viewers and watch time, and it gets the room's state with the broadcasts after <see cref="Command.AfterSeq"/> —
/// how a reconnecting client catches up.
/// </summary>
public static class WatchLiveRoom
{
    /// <param name="ViewerKey">The anonymous browser's viewer cookie; a signed-in user is counted by account.</param>
    public sealed record Command(string? RoomId, string ConnectionId, string? ViewerKey, long AfterSeq) : IUseCase<LiveRoomState>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Command, LiveRoomState>
    {
        public async Task<Result<LiveRoomState>> HandleAsync(Command command, CancellationToken ct)
        {
            var room = await live.RoomAsync(command.RoomId, ct);
            if (!room.Succeeded) return room.Cast<LiveRoomState>();
            var actor = await live.ActorAsync(ct);
            var viewer = actor is not null ? "u:" + actor.UserId
                : command.ViewerKey is { Length: > 0 and <= 64 } key ? "a:" + key : "c:" + command.ConnectionId;
            if (room.Value.Status is LiveRoomStatus.Scheduled or LiveRoomStatus.Live)
            {
                await live.Presence.JoinAsync(room.Value.Id, command.ConnectionId, viewer, ct);
                var now = live.Now;
                var seen = await live.Db.Set<LiveRoomViewer>().FirstOrDefaultAsync(v => v.RoomId == room.Value.Id && v.ViewerKey == viewer, ct);
                if (seen is null)
                    live.Db.Add(new LiveRoomViewer { RoomId = room.Value.Id, ViewerKey = viewer, UserId = actor?.UserId, FirstSeenAt = now, LastSeenAt = now });
                else seen.LastSeenAt = now;
                try { await live.Db.SaveChangesAsync(ct); }
                catch (DbUpdateException)
                {
                    // The same viewer joined on another connection at the same moment: it is already remembered.
                    live.Db.ChangeTracker.Clear();
                }
            }
            return await live.StateAsync(room.Value, actor, Math.Max(0, command.AfterSeq), ct);
        }
    }
}

/// <summary>A connection stops watching (it left the room or dropped): the count falls and the time watched is added to the viewer.</summary>
public static class StopWatchingLiveRoom
{
    public sealed record Command(string RoomId, string ConnectionId, DateTime WatchingSince) : IUseCase<ViewerCount>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Command, ViewerCount>
    {
        public async Task<Result<ViewerCount>> HandleAsync(Command command, CancellationToken ct)
        {
            var (viewer, count) = await live.Presence.LeaveAsync(command.RoomId, command.ConnectionId, ct);
            if (viewer is null) return count;
            var seconds = (long)Math.Max(0, (live.Now - command.WatchingSince).TotalSeconds);
            await live.Db.Set<LiveRoomViewer>().Where(v => v.RoomId == command.RoomId && v.ViewerKey == viewer)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.WatchSeconds, v => v.WatchSeconds + seconds).SetProperty(v => v.LastSeenAt, live.Now), ct);
            return count;
        }
    }
}
