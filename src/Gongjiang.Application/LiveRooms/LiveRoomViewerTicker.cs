using Gongjiang.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// Every two seconds, each room on air whose viewer count changed since its last <c>viewers</c> broadcast gets a new one
/// (current and peak), and its peak is kept. Counts come from the shared presence, so any node may send it; the comparison
/// with the last kept broadcast keeps nodes from repeating one another.
/// </summary>
public sealed class LiveRoomViewerTicker : IPeriodicTask
{
    public string Name => "live-room viewers";
    public TimeSpan FirstRunAfter => TimeSpan.FromSeconds(2);
    public TimeSpan Interval => TimeSpan.FromSeconds(2);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var live = services.GetRequiredService<LiveRoomService>();
        var rooms = await live.Rooms.Where(r => r.Status == LiveRoomStatus.Live).ToListAsync(ct);
        foreach (var room in rooms)
        {
            var count = await live.Presence.CountAsync(room.Id, ct);
            var last = await live.Db.Set<LiveRoomEvent>().AsNoTracking()
                .Where(e => e.RoomId == room.Id && e.Kind == LiveRoomEventKinds.Viewers).OrderByDescending(e => e.Seq)
                .Select(e => e.Data).FirstOrDefaultAsync(ct);
            var peak = Math.Max(room.PeakViewers, count.Peak);
            var data = new { current = count.Current, peak };
            // Before any broadcast a room has had nobody watching but its kept peak: nothing has changed until that does.
            last ??= System.Text.Json.JsonSerializer.Serialize(new { current = 0, peak = room.PeakViewers }, LiveRoomService.Json);
            if (last == System.Text.Json.JsonSerializer.Serialize(data, LiveRoomService.Json)) continue;
            room.PeakViewers = peak;
            await live.PublishAsync(room, LiveRoomEventKinds.Viewers, data, ct);
        }
    }
}
