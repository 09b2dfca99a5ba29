using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The host mutes a user who asked or requested the mic in the room (they can no longer ask or request the mic there; a
/// waiting request of theirs is withdrawn), or unmutes a muted one (anyone else is not found). The user is told by a personal <c>muted</c> push.
/// </summary>
public static class MuteInLiveRoom
{
    public sealed record Command(string? RoomId, string? UserId, bool Muted) : IUseCase<Done>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<Done>();
            var room = host.Value.Room;
            var userId = command.UserId ?? "";
            var mute = await talk.Mutes.FirstOrDefaultAsync(m => m.RoomId == room.Id && m.UserId == userId, ct);
            if (!command.Muted)
            {
                if (mute is null) return Error.NotFound(LiveTalkErrors.UserNotInRoom, userId);
                talk.Mutes.Remove(mute);
                await talk.Live.Db.SaveChangesAsync(ct);
                await talk.Live.Broadcaster.ToUserAsync(userId, LiveTalkKinds.Muted, new { roomId = room.Id, muted = false }, ct);
                return Done.Value;
            }
            if (mute is not null) return Done.Value;
            // Only someone who spoke in this room can be muted in it: a question or a mic request names them.
            var talentId = await talk.Questions.Where(q => q.RoomId == room.Id && q.AskerUserId == userId).Select(q => q.TalentId).FirstOrDefaultAsync(ct)
                ?? await talk.MicRequests.Where(r => r.RoomId == room.Id && r.UserId == userId).Select(r => r.TalentId).FirstOrDefaultAsync(ct);
            if (talentId is null) return Error.NotFound(LiveTalkErrors.UserNotInRoom, userId);
            talk.Mutes.Add(new LiveRoomMute { RoomId = room.Id, UserId = userId, TalentId = talentId, MutedByUserId = host.Value.Actor.UserId, At = talk.Live.Now });
            var waiting = await talk.MicRequests.Where(r => r.RoomId == room.Id && r.UserId == userId && r.Status == LiveMicStatus.Waiting).ToListAsync(ct);
            foreach (var request in waiting)
            {
                request.Status = LiveMicStatus.Withdrawn;
                request.OpenUserId = null;
                request.EndedAt = talk.Live.Now;
                request.DecidedByUserId = host.Value.Actor.UserId;
            }
            try
            {
                await talk.Live.Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Muted at the same moment from another console: already muted.
                return Done.Value;
            }
            await talk.Live.Broadcaster.ToUserAsync(userId, LiveTalkKinds.Muted, new { roomId = room.Id, muted = true }, ct);
            if (waiting.Count > 0) await talk.PublishQueueAsync(room, ct);
            return Done.Value;
        }
    }
}
