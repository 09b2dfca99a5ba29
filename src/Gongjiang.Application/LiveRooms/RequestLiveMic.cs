using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// A signed-in seeker with a verified account (<see cref="LiveTalkService.IsVerifiedSeekerAsync"/>), not muted, asks to join
/// the host on the mic (连麦) in a room on air; one open request at a time. Answers the place in the queue; everyone hears the
/// queue's length as a <c>mic_queue</c> broadcast.
/// </summary>
public static class RequestLiveMic
{
    public sealed record Command(string? RoomId) : IUseCase<LiveMicTurn>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, LiveMicTurn>
    {
        public async Task<Result<LiveMicTurn>> HandleAsync(Command command, CancellationToken ct)
        {
            var speaker = await talk.SpeakerAsync(command.RoomId, ct);
            if (!speaker.Succeeded) return speaker.Cast<LiveMicTurn>();
            var (seeker, room) = (speaker.Value.Seeker, speaker.Value.Room);
            if (room.Status != LiveRoomStatus.Live) return Error.Refused(LiveRoomErrors.NotLive);
            if (!await talk.IsVerifiedSeekerAsync(seeker, ct)) return Error.Forbidden(LiveTalkErrors.MicUnverified);
            if (await talk.MicRequests.AnyAsync(r => r.RoomId == room.Id && r.OpenUserId == seeker.UserId, ct))
                return Error.Conflict(LiveTalkErrors.MicAlreadyRequested);
            var request = new LiveRoomMicRequest
            {
                RoomId = room.Id, UserId = seeker.UserId, TalentId = seeker.TalentId!, Status = LiveMicStatus.Waiting,
                OpenUserId = seeker.UserId, RequestedAt = talk.Live.Now,
            };
            talk.MicRequests.Add(request);
            try
            {
                await talk.Live.Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another tab of the same user asked at the same moment (one open request per user and room is a unique index).
                return Error.Conflict(LiveTalkErrors.MicAlreadyRequested);
            }
            var position = await talk.PositionAsync(request, ct);
            await talk.PublishQueueAsync(room, ct);
            return new LiveMicTurn(request.Id, "waiting", position);
        }
    }
}

/// <summary>
/// The requester leaves the mic queue, or hangs up while on the mic (then the link is logged with its seconds, as when the
/// host ends it).
/// </summary>
public static class WithdrawLiveMic
{
    public sealed record Command(string? RoomId) : IUseCase<Done>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var seeker = await talk.Live.SeekerInRoomAsync(command.RoomId, ct);
            if (!seeker.Succeeded) return seeker.Cast<Done>();
            var (actor, room) = seeker.Value;
            var request = await talk.MicRequests.FirstOrDefaultAsync(r => r.RoomId == room.Id && r.OpenUserId == actor.UserId, ct);
            if (request is null) return Error.NotFound(LiveTalkErrors.MicRequestNotFound, 0);
            if (request.Status == LiveMicStatus.OnMic)
            {
                await LiveMicLinks.EndAsync(talk, room, request, actor.UserId, ct);
                return Done.Value;
            }
            request.Status = LiveMicStatus.Withdrawn;
            request.OpenUserId = null;
            request.EndedAt = talk.Live.Now;
            await talk.Live.Db.SaveChangesAsync(ct);
            await talk.PublishQueueAsync(room, ct);
            return Done.Value;
        }
    }
}
