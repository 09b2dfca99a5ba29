using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The host changes a room before it starts: title, host, description, stream, mic room, times and the job cards (their pay is
/// taken from the postings again). Clients already waiting in the room hear of new cards as a <c>job_cards</c> broadcast.
/// </summary>
public static class EditLiveRoom
{
    public sealed record Command(string? RoomId, LiveRoomDetails Details) : IUseCase<LiveRoomSummary>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Command, LiveRoomSummary>
    {
        public async Task<Result<LiveRoomSummary>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveRoomSummary>();
            var room = host.Value.Room;
            if (room.Status != LiveRoomStatus.Scheduled) return Error.Conflict(LiveRoomAudienceErrors.AlreadyStarted);
            var input = await LiveRoomInput.CheckAsync(live, command.Details, room.HostKind, host.Value.Actor, ct);
            if (!input.Succeeded) return input.Cast<LiveRoomSummary>();
            await LiveRoomInput.ApplyAsync(live, room, input.Value, ct);
            room.Version = Guid.NewGuid();
            await live.Db.SaveChangesAsync(ct);
            var cards = await live.JobCardsAsync(room.Id, ct);
            await live.PublishAsync(room, LiveRoomEventKinds.JobCards, new { jobs = cards }, ct);
            return await live.SummaryAsync(room, cards.Count, ct);
        }
    }
}
