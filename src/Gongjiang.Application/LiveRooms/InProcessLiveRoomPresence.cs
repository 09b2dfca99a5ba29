using System.Collections.Concurrent;

namespace Gongjiang.Application.LiveRooms;

/// <summary>Viewer counts kept in this process: right for a single node (with several, the Redis presence is used).</summary>
public sealed class InProcessLiveRoomPresence : ILiveRoomPresence
{
    private sealed class Room
    {
        public readonly Dictionary<string, string> ViewerOfConnection = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> ConnectionsOfViewer = new(StringComparer.Ordinal);
        public int Peak;
    }

    private readonly ConcurrentDictionary<string, Room> rooms = new(StringComparer.Ordinal);

    public Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default)
    {
        var room = rooms.GetOrAdd(roomId, _ => new Room());
        lock (room)
        {
            if (room.ViewerOfConnection.TryAdd(connectionId, viewerKey))
                room.ConnectionsOfViewer[viewerKey] = room.ConnectionsOfViewer.GetValueOrDefault(viewerKey) + 1;
            room.Peak = Math.Max(room.Peak, room.ConnectionsOfViewer.Count);
            return Task.FromResult(new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak));
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
            return Task.FromResult<(string?, ViewerCount)>((viewer, new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak)));
        }
    }

    public Task<ViewerCount> CountAsync(string roomId, CancellationToken ct = default)
    {
        if (!rooms.TryGetValue(roomId, out var room)) return Task.FromResult(new ViewerCount(0, 0));
        lock (room) return Task.FromResult(new ViewerCount(room.ConnectionsOfViewer.Count, room.Peak));
    }
}
