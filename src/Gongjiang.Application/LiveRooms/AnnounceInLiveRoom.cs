using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>The host says something to everyone in a room that is on air (an <c>announcement</c> broadcast).</summary>
public static class AnnounceInLiveRoom
{
    public sealed record Command(string? RoomId, string? Text) : IUseCase<LiveRoomBroadcast>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Command, LiveRoomBroadcast>
    {
        public async Task<Result<LiveRoomBroadcast>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveRoomBroadcast>();
            var text = live.Text(command.Text);
            if (!text.Succeeded) return text.Cast<LiveRoomBroadcast>();
            if (host.Value.Room.Status != LiveRoomStatus.Live) return Error.Refused(LiveRoomErrors.NotLive);
            return await live.PublishAsync(host.Value.Room, LiveRoomEventKinds.Announcement, new { text = text.Value }, ct);
        }
    }
}
