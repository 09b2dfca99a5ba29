using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The host goes on air, ends the room, or calls off a scheduled one. Every client in the room hears it as a <c>status</c>
/// broadcast. An ended or cancelled room does not come back; ending it hangs up the guest on the mic (the link
/// logged) and declines the requests still waiting.
/// </summary>
public static class ChangeLiveRoomStatus
{
    public sealed record Command(string? RoomId, LiveRoomStatus To) : IUseCase<LiveRoomSummary>;

    public sealed class Handler(LiveRoomService live, LiveTalkService talk) : IUseCaseHandler<Command, LiveRoomSummary>
    {
        public async Task<Result<LiveRoomSummary>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveRoomSummary>();
            var room = host.Value.Room;
            if (room.Status is LiveRoomStatus.Ended or LiveRoomStatus.Cancelled) return Error.Conflict(LiveRoomErrors.Ended);
            var allowed = command.To switch
            {
                LiveRoomStatus.Live => room.Status == LiveRoomStatus.Scheduled,
                LiveRoomStatus.Ended => room.Status == LiveRoomStatus.Live,
                LiveRoomStatus.Cancelled => room.Status == LiveRoomStatus.Scheduled,
                _ => false,
            };
            if (!allowed) return Error.Conflict(LiveRoomErrors.NotLive);
            var now = live.Now;
            room.Status = command.To;
            if (command.To == LiveRoomStatus.Live) room.StartedAt = now;
            else room.EndedAt = now;
            var count = await live.Presence.CountAsync(room.Id, ct);
            room.PeakViewers = Math.Max(room.PeakViewers, count.Peak);
            if (command.To == LiveRoomStatus.Ended) await LiveMicLinks.CloseAsync(talk, room, ct);
            await live.PublishAsync(room, LiveRoomEventKinds.Status, new { status = LiveRoomService.StatusName(room.Status) }, ct);
            return await live.SummaryAsync(room, (await live.JobCardsAsync(room.Id, ct)).Count, ct);
        }
    }
}
