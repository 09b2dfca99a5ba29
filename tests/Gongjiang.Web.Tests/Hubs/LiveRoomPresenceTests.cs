using Gongjiang.Application.LiveRooms;
using Gongjiang.Web.Hubs;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Gongjiang.Web.Tests.Hubs;

/// <summary>
/// Who watches a room, kept in a real Redis by two nodes: a node that stops saying it is alive is let go by the other's
/// upkeep, its viewers with it, and counted again if it comes back; in one process, a room nobody watches is forgotten.
/// </summary>
public sealed class LiveRoomPresenceTests
{
    [Fact]
    public async Task A_silent_node_is_let_go_by_the_others_upkeep_and_counted_again_when_it_speaks()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ChatHubTwoNodeTests.Redis);
        var prefix = "test:presence:" + Guid.NewGuid().ToString("N");
        var silentAfter = TimeSpan.FromSeconds(2);
        var first = new RedisLiveRoomPresence(redis, silentAfter, prefix);
        var second = new RedisLiveRoomPresence(redis, silentAfter, prefix);
        const string room = "L0000000000000001";

        await first.JoinAsync(room, "c1", "u:1");
        await first.JoinAsync(room, "c2", "a:browser");
        await first.JoinAsync(room, "c2b", "a:browser"); // the same browser's second tab counts once
        await second.JoinAsync(room, "c3", "u:3");
        Assert.Equal(new ViewerCount(3, 3), await second.CountAsync(room));
        Assert.Equal(0, await first.MaintainAsync());
        Assert.Equal(0, await second.MaintainAsync());
        Assert.Equal(3, (await first.CountAsync(room)).Current);

        // The room's keys go a day after the last join or leave.
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync($"{prefix}:{{{room}}}:viewers");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));

        // The first node falls silent (its process killed): the second's upkeep lets its three connections go; the peak stays.
        await Task.Delay(silentAfter + TimeSpan.FromSeconds(1.2));
        Assert.Equal(3, await second.MaintainAsync());
        Assert.Equal(new ViewerCount(1, 3), await second.CountAsync(room));
        Assert.Equal(0, await second.MaintainAsync());

        // It was only paused: at its next upkeep it finds itself let go and counts its viewers again.
        Assert.Equal(0, await first.MaintainAsync());
        Assert.Equal(3, (await second.CountAsync(room)).Current);
        var (viewer, count) = await first.LeaveAsync(room, "c1");
        Assert.Equal("u:1", viewer);
        Assert.Equal(2, count.Current);
    }

    [Fact]
    public async Task A_zone_with_its_own_prefix_counts_under_it_and_not_under_anothers()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ChatHubTwoNodeTests.Redis);
        var prefix = "test-zone-" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HubRegistration.RedisSetting] = ChatHubTwoNodeTests.Redis, [HubRegistration.RedisPrefixSetting] = prefix,
        }).Build();
        using var zone = new SelectedLiveRoomPresence(configuration);
        var room = "L" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        Assert.Equal(1, (await zone.JoinAsync(room, "c1", "u:1")).Current);
        Assert.True(await redis.GetDatabase().KeyExistsAsync($"{prefix}:live:{{{room}}}:viewers"));
        Assert.False(await redis.GetDatabase().KeyExistsAsync($"gongjiang:live:{{{room}}}:viewers"));
    }

    [Fact]
    public async Task In_one_process_a_room_nobody_has_watched_for_ten_minutes_is_forgotten()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        var presence = new InProcessLiveRoomPresence(clock);
        await presence.JoinAsync("R1", "c1", "u:1");
        await presence.JoinAsync("R2", "c2", "u:2");
        await presence.LeaveAsync("R1", "c1");
        Assert.Equal(new ViewerCount(0, 1), await presence.CountAsync("R1"));

        clock.Now += InProcessLiveRoomPresence.ForgetEmptyAfter - TimeSpan.FromSeconds(1);
        await presence.MaintainAsync();
        Assert.Equal(2, presence.RoomsHeld);

        clock.Now += TimeSpan.FromSeconds(1);
        await presence.MaintainAsync();
        Assert.Equal(1, presence.RoomsHeld); // R2 still has its viewer
        Assert.Equal(new ViewerCount(0, 0), await presence.CountAsync("R1"));
        Assert.Equal(new ViewerCount(1, 1), await presence.JoinAsync("R1", "c3", "u:3"));
    }

    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
