using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The host takes a waiting requester on the mic (one guest at a time): the guest gets a personal <c>mic_accepted</c> push with
/// the room's external RTC link, everyone an <c>on_mic</c> broadcast with the guest's masked name.
/// </summary>
public static class AcceptLiveMic
{
    public sealed record Command(string? RoomId, long RequestId) : IUseCase<LiveMicGuestView>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, LiveMicGuestView>
    {
        public async Task<Result<LiveMicGuestView>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveMicGuestView>();
            var room = host.Value.Room;
            if (room.Status != LiveRoomStatus.Live) return Error.Refused(LiveRoomErrors.NotLive);
            var request = await talk.RequestAsync(room, command.RequestId, LiveMicStatus.Waiting, ct);
            if (!request.Succeeded) return request.Cast<LiveMicGuestView>();
            if (await talk.MicRequests.AnyAsync(r => r.RoomId == room.Id && r.Status == LiveMicStatus.OnMic, ct))
                return Error.Conflict(LiveTalkErrors.MicBusy);
            var r = request.Value;
            var now = talk.Live.Now;
            r.Status = LiveMicStatus.OnMic;
            r.OnMicRoomId = room.Id;
            r.AcceptedAt = now;
            r.DecidedByUserId = host.Value.Actor.UserId;
            try { await talk.Live.Db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Another console put a guest on the mic at the same moment (the unique on-mic slot).
                talk.Live.Db.ChangeTracker.Clear();
                return Error.Conflict(LiveTalkErrors.MicBusy);
            }
            var names = await talk.MaskedNamesAsync([r.TalentId], ct);
            var guest = names.GetValueOrDefault(r.TalentId, "");
            var since = LiveRoomService.UnixMs(now);
            await talk.Live.Broadcaster.ToUserAsync(r.UserId, LiveTalkKinds.MicAccepted, new { roomId = room.Id, requestId = r.Id, rtcUrl = room.MicRoomUrl }, ct);
            await talk.Live.PublishAsync(room, LiveTalkKinds.OnMic, new { requestId = r.Id, guest, since }, ct);
            await talk.PublishQueueAsync(room, ct);
            return new LiveMicGuestView(r.Id, guest, since, r.UserId);
        }
    }
}

/// <summary>The host ends the current mic link: it is logged with its seconds for the statistics, everyone hears <c>mic_ended</c>.</summary>
public static class EndLiveMic
{
    public sealed record Command(string? RoomId, long RequestId) : IUseCase<long>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, long>
    {
        public async Task<Result<long>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<long>();
            var request = await talk.RequestAsync(host.Value.Room, command.RequestId, LiveMicStatus.OnMic, ct);
            if (!request.Succeeded) return request.Cast<long>();
            return await LiveMicLinks.EndAsync(talk, host.Value.Room, request.Value, host.Value.Actor.UserId, ct);
        }
    }
}

/// <summary>The host declines a waiting request; the requester is told by a personal <c>mic_declined</c> push.</summary>
public static class DeclineLiveMic
{
    public sealed record Command(string? RoomId, long RequestId) : IUseCase<Done>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<Done>();
            var room = host.Value.Room;
            var request = await talk.RequestAsync(room, command.RequestId, LiveMicStatus.Waiting, ct);
            if (!request.Succeeded) return request.Cast<Done>();
            var r = request.Value;
            r.Status = LiveMicStatus.Declined;
            r.OpenUserId = null;
            r.EndedAt = talk.Live.Now;
            r.DecidedByUserId = host.Value.Actor.UserId;
            await talk.Live.Db.SaveChangesAsync(ct);
            await talk.Live.Broadcaster.ToUserAsync(r.UserId, LiveTalkKinds.MicDeclined, new { roomId = room.Id, requestId = r.Id }, ct);
            await talk.PublishQueueAsync(room, ct);
            return Done.Value;
        }
    }
}

internal static class LiveMicLinks
{
    /// <summary>
    /// A room that ends closes its mic: the guest on it is hung up (the link logged with its seconds) and the waiting requests
    /// are declined, each requester told.
    /// </summary>
    public static async Task CloseAsync(LiveTalkService talk, LiveRoom room, CancellationToken ct)
    {
        var open = await talk.MicRequests.Where(r => r.RoomId == room.Id && (r.Status == LiveMicStatus.Waiting || r.Status == LiveMicStatus.OnMic)).ToListAsync(ct);
        foreach (var request in open.Where(r => r.Status == LiveMicStatus.OnMic))
            await EndAsync(talk, room, request, room.CreatedByUserId, ct);
        var waiting = open.Where(r => r.Status == LiveMicStatus.Waiting).ToList();
        foreach (var request in waiting)
        {
            request.Status = LiveMicStatus.Declined;
            request.OpenUserId = null;
            request.EndedAt = talk.Live.Now;
        }
        await talk.Live.Db.SaveChangesAsync(ct);
        foreach (var request in waiting)
            await talk.Live.Broadcaster.ToUserAsync(request.UserId, LiveTalkKinds.MicDeclined, new { roomId = room.Id, requestId = request.Id }, ct);
    }

    /// <summary>Ends a link: its seconds are kept on the request and as a <c>mic_link</c> activity, and everyone hears <c>mic_ended</c>.</summary>
    public static async Task<long> EndAsync(LiveTalkService talk, LiveRoom room, LiveRoomMicRequest request, string byUserId, CancellationToken ct)
    {
        var now = talk.Live.Now;
        var seconds = (long)Math.Max(0, (now - (request.AcceptedAt ?? now)).TotalSeconds);
        request.Status = LiveMicStatus.Ended;
        request.OpenUserId = null;
        request.OnMicRoomId = null;
        request.EndedAt = now;
        request.Seconds = seconds;
        request.DecidedByUserId ??= byUserId;
        talk.Live.Record(room, LiveRoomActivityKinds.MicLink, request.UserId, seconds);
        await talk.Live.Db.SaveChangesAsync(ct);
        var names = await talk.MaskedNamesAsync([request.TalentId], ct);
        await talk.Live.PublishAsync(room, LiveTalkKinds.MicEnded, new { requestId = request.Id, guest = names.GetValueOrDefault(request.TalentId, ""), seconds }, ct);
        return seconds;
    }
}
