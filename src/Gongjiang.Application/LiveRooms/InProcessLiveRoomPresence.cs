using System.Collections.Concurrent;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// Viewer counts kept in this process: right for a single node (with several, the Redis presence is used). A room nobody
/// has watched for <see cref="ForgetEmptyAfter"/> is forgotten (its peak is kept with the room by the viewer ticker).
/// </summary>
public sealed class InProcessLiveRoomPresence(TimeProvider? time = null) : ILiveRoomPresence
{
    public static readonly TimeSpan ForgetEmptyAfter = TimeSpan.FromMinutes(10);

    private sealed class Room
    {
        public readonly Dictionary<string, string> ViewerOfConnection = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> ConnectionsOfViewer = new(StringComparer.Ordinal);
        public int Peak;
        public DateTimeOffset? EmptySince;
        public bool Forgotten;
    }

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Room> rooms = new(StringComparer.Ordinal);

    /// <summary>The rooms held now (for the upkeep's tests).</summary>
    public int RoomsHeld => rooms.Count;

    public Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default)
    {
        while (true)
        {
            var room = rooms.GetOrAdd(roomId, _ => new Room());
            lock (room)
            {
                // Forgotten by the upkeep between the lookup and the lock: a new one is taken.
                if (room.Forgotten) continue;
                if (room.ViewerOfConnection.TryAdd(connectionId, viewerKey))
                    room.ConnectionsOfViewer[viewerKey] = room.ConnectionsOfViewer.GetValueOrDefault(viewerKey) + 1;
                room.Peak = Math.Max(room.Peak, room.ConnectionsOfViewer.Count);
                room.EmptySince = null;
                return Task.FromResult(new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak));
            }
        }
    }

    public Task<(string? ViewerKey, ViewerCount Count)> LeaveAsync(string roomId, string connectionId, CancellationToken ct = default)
    {
        if (!rooms.TryGetValue(roomId, out var room)) return Task.FromResult<(string?, ViewerCount)>((null, new ViewerCount(0, 0)));
        lock (room)
        {
            if (!room.ViewerOfConnection.Remove(connectionId, out var viewer))
                return Task.FromResult<(string?, ViewerCount)>((null, new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak)));
            var left = room.ConnectionsOfViewer[viewer] - 1;
            if (left == 0) room.ConnectionsOfViewer.Remove(viewer);
            else room.ConnectionsOfViewer[viewer] = left;
            if (room.ViewerOfConnection.Count == 0) room.EmptySince = clock.GetUtcNow();
            return Task.FromResult<(string?, ViewerCount)>((viewer, new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak)));
        }
    }

    public Task<ViewerCount> CountAsync(string roomId, CancellationToken ct = default)
    {
        if (!rooms.TryGetValue(roomId, out var room)) return Task.FromResult(new ViewerCount(0, 0));
        lock (room) return Task.FromResult(new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak));
    }

    /// <summary>One process is one node: nothing to let go; rooms empty for <see cref="ForgetEmptyAfter"/> are forgotten.</summary>
    public Task<int> MaintainAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var (roomId, room) in rooms)
            lock (room)
                if (room.EmptySince is { } since && now - since >= ForgetEmptyAfter)
                {
                    room.Forgotten = true;
                    rooms.TryRemove(new KeyValuePair<string, Room>(roomId, room));
                }
        return Task.FromResult(0);
    }
}
