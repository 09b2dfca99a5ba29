using Gongjiang.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// Every fifteen seconds, each room on air keeps how many watch now in its current minute's sample (the most seen in that
/// minute), for the statistics' viewers per minute. Counts come from the shared presence, so any node may take the sample;
/// two nodes writing the same minute keep the larger count.
/// </summary>
public sealed class LiveRoomViewerSampler : IPeriodicTask
{
    public string Name => "live-room viewer samples";
    public TimeSpan FirstRunAfter => TimeSpan.FromSeconds(5);
    public TimeSpan Interval => TimeSpan.FromSeconds(15);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var live = services.GetRequiredService<LiveRoomService>();
        var rooms = await live.Rooms.AsNoTracking().Where(r => r.Status == LiveRoomStatus.Live).Select(r => r.Id).ToListAsync(ct);
        foreach (var roomId in rooms)
        {
            var count = await live.Presence.CountAsync(roomId, ct);
            // A room nobody has watched yet has nothing to sample; once someone has, empty minutes are kept as 0.
            if (count.Current == 0 && !await live.Db.Set<LiveRoomViewerSample>().AnyAsync(s => s.RoomId == roomId, ct)) continue;
            await SampleAsync(live, roomId, live.Now, count.Current, ct);
        }
    }

    /// <summary>Keeps <paramref name="viewers"/> as the sample of the minute holding <paramref name="at"/> unless it already holds more.</summary>
    public static async Task SampleAsync(LiveRoomService live, string roomId, DateTime at, int viewers, CancellationToken ct)
    {
        var minute = MinuteOf(at);
        var samples = live.Db.Set<LiveRoomViewerSample>();
        var updated = await samples.Where(s => s.RoomId == roomId && s.Minute == minute && s.Viewers < viewers)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Viewers, viewers), ct);
        if (updated > 0 || await samples.AnyAsync(s => s.RoomId == roomId && s.Minute == minute, ct)) return;
        var row = new LiveRoomViewerSample { RoomId = roomId, Minute = minute, Viewers = viewers };
        samples.Add(row);
        try { await live.Db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another node took this minute's sample at the same moment: keep the larger.
            live.Db.Entry(row).State = EntityState.Detached;
            await samples.Where(s => s.RoomId == roomId && s.Minute == minute && s.Viewers < viewers)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Viewers, viewers), ct);
        }
    }

    /// <summary>The start of the minute holding <paramref name="at"/> (UTC).</summary>
    public static DateTime MinuteOf(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
