using Gongjiang.Application.LiveRooms;
using StackExchange.Redis;

namespace Gongjiang.Web.Hubs;

/// <summary>
/// Viewer counts kept in Redis, so every node counts the same room the same: per room a hash of connection → viewer, a hash
/// of viewer → open connections (a viewer with two tabs counts once) and the peak, each changed by one script at a time.
/// </summary>
public sealed class RedisLiveRoomPresence(IConnectionMultiplexer redis) : ILiveRoomPresence
{
    private const string JoinScript = """
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then redis.call('HINCRBY', KEYS[2], ARGV[2], 1) end
        local n = redis.call('HLEN', KEYS[2])
        local p = tonumber(redis.call('GET', KEYS[3]) or '0')
        if n > p then redis.call('SET', KEYS[3], n) p = n end
        return {n, p}
        """;

    private const string LeaveScript = """
        local v = redis.call('HGET', KEYS[1], ARGV[1])
        if v then
          redis.call('HDEL', KEYS[1], ARGV[1])
          if redis.call('HINCRBY', KEYS[2], v, -1) <= 0 then redis.call('HDEL', KEYS[2], v) end
        end
        return {v or '', redis.call('HLEN', KEYS[2]), tonumber(redis.call('GET', KEYS[3]) or '0')}
        """;

    private static RedisKey[] Keys(string roomId) =>
        [$"gongjiang:live:{{{roomId}}}:connections", $"gongjiang:live:{{{roomId}}}:viewers", $"gongjiang:live:{{{roomId}}}:peak"];

    public async Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(JoinScript, Keys(roomId), [connectionId, viewerKey]))!;
        return new ViewerCount((int)result[0], (int)result[1]);
    }

    public async Task<(string? ViewerKey, ViewerCount Count)> LeaveAsync(string roomId, string connectionId, CancellationToken ct = default)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(LeaveScript, Keys(roomId), [connectionId]))!;
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
        return (new RedisLiveRoomPresence(redis), redis);
    });

    public Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default) =>
        inner.Value.Presence.JoinAsync(roomId, connectionId, viewerKey, ct);
    public Task<(string? ViewerKey, ViewerCount Count)> LeaveAsync(string roomId, string connectionId, CancellationToken ct = default) =>
        inner.Value.Presence.LeaveAsync(roomId, connectionId, ct);
    public Task<ViewerCount> CountAsync(string roomId, CancellationToken ct = default) => inner.Value.Presence.CountAsync(roomId, ct);

    public void Dispose()
    {
        if (inner.IsValueCreated) inner.Value.Redis?.Dispose();
    }
}
