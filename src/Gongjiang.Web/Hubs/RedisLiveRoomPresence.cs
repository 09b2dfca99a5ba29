using Gongjiang.Application.LiveRooms;
using StackExchange.Redis;

namespace Gongjiang.Web.Hubs;

/// <summary>
/// Viewer counts kept in Redis, so every node counts the same room the same: per room a hash of connection → viewer, a hash
/// of viewer → open connections (a viewer with two tabs counts once) and the peak, each changed by one script at a time; a
/// room's keys go a day after anyone last joined or left. Each node also keeps the set of its own connections and says it is
/// alive in <c>gongjiang:live:nodes</c> at every upkeep; a node silent for <see cref="NodeSilentAfter"/> (killed, crashed,
/// cut off) is let go by the next upkeep of any other node: its connections leave their rooms.
/// </summary>
/// <param name="keyPrefix">Where its keys start; nodes counting together share it.</param>
public sealed class RedisLiveRoomPresence(IConnectionMultiplexer redis, TimeSpan? nodeSilentAfter = null, string keyPrefix = "gongjiang:live") : ILiveRoomPresence
{
    public static readonly TimeSpan DefaultNodeSilentAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RoomKeysLast = TimeSpan.FromDays(1);
    private readonly RedisKey nodesKey = keyPrefix + ":nodes";

    private const string JoinScript = """
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then redis.call('HINCRBY', KEYS[2], ARGV[2], 1) end
        local n = redis.call('HLEN', KEYS[2])
        local p = tonumber(redis.call('GET', KEYS[3]) or '0')
        if n > p then redis.call('SET', KEYS[3], n) p = n end
        for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
        return {n, p}
        """;

    private const string LeaveScript = """
        local v = redis.call('HGET', KEYS[1], ARGV[1])
        if v then
          redis.call('HDEL', KEYS[1], ARGV[1])
          if redis.call('HINCRBY', KEYS[2], v, -1) <= 0 then redis.call('HDEL', KEYS[2], v) end
          for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
        end
        return {v or '', redis.call('HLEN', KEYS[2]), tonumber(redis.call('GET', KEYS[3]) or '0')}
        """;

    private readonly TimeSpan silentAfter = nodeSilentAfter ?? DefaultNodeSilentAfter;
    /// <summary>This node's connections, what its set in Redis is rebuilt from if the others ever let it go.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string RoomId, string ConnectionId), string> own = new();
    private int registered;

    /// <summary>This node's name in Redis, new at every start.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    private RedisKey[] Keys(string roomId) =>
        [$"{keyPrefix}:{{{roomId}}}:connections", $"{keyPrefix}:{{{roomId}}}:viewers", $"{keyPrefix}:{{{roomId}}}:peak"];

    private RedisKey ConnectionsOfNode(string nodeId) => $"{keyPrefix}:node:{nodeId}:connections";

    private static string Member(string roomId, string connectionId) => roomId + " " + connectionId;

    private static readonly string RoomKeysLastSeconds = ((long)RoomKeysLast.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default)
    {
        var db = redis.GetDatabase();
        if (Interlocked.Exchange(ref registered, 1) == 0) await SayAliveAsync(db);
        own[(roomId, connectionId)] = viewerKey;
        await db.SetAddAsync(ConnectionsOfNode(NodeId), Member(roomId, connectionId));
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(JoinScript, Keys(roomId), [connectionId, viewerKey, RoomKeysLastSeconds]))!;
        return new ViewerCount((int)result[0], (int)result[1]);
    }

    public async Task<(string? ViewerKey, ViewerCount Count)> LeaveAsync(string roomId, string connectionId, CancellationToken ct = default)
    {
        var db = redis.GetDatabase();
        own.TryRemove((roomId, connectionId), out _);
        await db.SetRemoveAsync(ConnectionsOfNode(NodeId), Member(roomId, connectionId));
        return await LeaveRoomAsync(db, roomId, connectionId);
    }

    private async Task<(string? ViewerKey, ViewerCount Count)> LeaveRoomAsync(IDatabase db, string roomId, string connectionId)
    {
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(LeaveScript, Keys(roomId), [connectionId, RoomKeysLastSeconds]))!;
        var viewer = (string?)result[0];
        return (string.IsNullOrEmpty(viewer) ? null : viewer, new ViewerCount((int)result[1], (int)result[2]));
    }

    public async Task<ViewerCount> CountAsync(string roomId, CancellationToken ct = default)
    {
        var keys = Keys(roomId);
        var db = redis.GetDatabase();
        var current = db.HashLengthAsync(keys[1]);
        var peak = db.StringGetAsync(keys[2]);
        return new ViewerCount((int)await current, (int?)await peak ?? 0);
    }

    public async Task<int> MaintainAsync(CancellationToken ct = default)
    {
        var db = redis.GetDatabase();
        // Let go by the others while it could not say so in time (a long pause): its viewers are counted again.
        var wasLetGo = Volatile.Read(ref registered) == 1 && !await db.HashExistsAsync(nodesKey, NodeId);
        var now = await SayAliveAsync(db);
        Interlocked.Exchange(ref registered, 1);
        if (wasLetGo)
            foreach (var ((roomId, connectionId), viewerKey) in own)
            {
                await db.SetAddAsync(ConnectionsOfNode(NodeId), Member(roomId, connectionId));
                await db.ScriptEvaluateAsync(JoinScript, Keys(roomId), [connectionId, viewerKey, RoomKeysLastSeconds]);
            }
        var released = 0;
        foreach (var node in await db.HashGetAllAsync(nodesKey))
        {
            if (node.Name == NodeId || !long.TryParse((string?)node.Value, out var lastSeen)
                || now - DateTimeOffset.FromUnixTimeSeconds(lastSeen) < silentAfter) continue;
            // Several nodes may let the same one go at once: leaving twice changes nothing.
            var nodeId = (string)node.Name!;
            foreach (var member in await db.SetMembersAsync(ConnectionsOfNode(nodeId)))
            {
                var parts = ((string)member!).Split(' ', 2);
                if (parts.Length != 2) continue;
                var (viewer, _) = await LeaveRoomAsync(db, parts[0], parts[1]);
                if (viewer is not null) released++;
            }
            await db.KeyDeleteAsync(ConnectionsOfNode(nodeId));
            await db.HashDeleteAsync(nodesKey, nodeId);
        }
        return released;
    }

    /// <summary>Writes this node's last sign of life with the Redis server's clock, the one clock every node reads.</summary>
    private async Task<DateTimeOffset> SayAliveAsync(IDatabase db)
    {
        var now = await db.Multiplexer.GetServers()[0].TimeAsync();
        var at = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
        await db.HashSetAsync(nodesKey, NodeId, at.ToUnixTimeSeconds());
        return at;
    }
}

/// <summary>
/// The presence chosen when first needed from <c>SignalR:Redis</c>: in Redis when several nodes share one, in this process
/// otherwise (chosen late because hosts and tests may still add configuration after the services are registered).
/// </summary>
public sealed class SelectedLiveRoomPresence(IConfiguration configuration) : ILiveRoomPresence, IDisposable
{
    private readonly Lazy<(ILiveRoomPresence Presence, IConnectionMultiplexer? Redis)> inner = new(() =>
    {
        if (configuration[HubRegistration.RedisSetting] is not { Length: > 0 } setting) return (new InProcessLiveRoomPresence(), null);
        var redis = ConnectionMultiplexer.Connect(setting);
        return (new RedisLiveRoomPresence(redis, keyPrefix: HubRegistration.RedisPrefix(configuration) + ":live"), redis);
    });

    public Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default) =>
        inner.Value.Presence.JoinAsync(roomId, connectionId, viewerKey, ct);
    public Task<(string? ViewerKey, ViewerCount Count)> LeaveAsync(string roomId, string connectionId, CancellationToken ct = default) =>
        inner.Value.Presence.LeaveAsync(roomId, connectionId, ct);
    public Task<ViewerCount> CountAsync(string roomId, CancellationToken ct = default) => inner.Value.Presence.CountAsync(roomId, ct);
    public Task<int> MaintainAsync(CancellationToken ct = default) => inner.Value.Presence.MaintainAsync(ct);

    public void Dispose()
    {
        if (inner.IsValueCreated) inner.Value.Redis?.Dispose();
    }
}
