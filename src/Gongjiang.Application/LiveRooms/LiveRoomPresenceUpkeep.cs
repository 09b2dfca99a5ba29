using Gongjiang.Application.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// Every ten seconds on every node, the viewer presence's upkeep (<see cref="ILiveRoomPresence.MaintainAsync"/>): with
/// several nodes, a node that stopped (killed, crashed, cut off) stops being counted within a minute, its viewers with it.
/// It writes nothing to the database.
/// </summary>
public sealed class LiveRoomPresenceUpkeep : IPeriodicTask
{
    public string Name => "live-room presence upkeep";
    public TimeSpan FirstRunAfter => TimeSpan.Zero;
    public TimeSpan Interval => TimeSpan.FromSeconds(10);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var released = await services.GetRequiredService<ILiveRoomPresence>().MaintainAsync(ct);
        if (released > 0)
            services.GetRequiredService<ILogger<LiveRoomPresenceUpkeep>>()
                .LogWarning("Let go of {Connections} live-room connections of nodes that stopped", released);
    }
}
