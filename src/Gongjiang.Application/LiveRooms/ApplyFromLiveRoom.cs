using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// One tap (一键申请): a signed-in seeker watching a room on air applies to one of its job cards (or a job pushed to them there).
/// It is the ordinary application (the profile is shared with that employer under the implicit-consent rule; applying twice is
/// refused); the room keeps it for its console and statistics and tells everyone the new count (<c>applications</c>, no
/// personal data).
/// </summary>
public static class ApplyFromLiveRoom
{
    public sealed record Command(string? RoomId, string? JobId) : IUseCase<Applied>;

    public sealed record Applied(string ApplicationId, string JobId, int Applications);

    public sealed class Handler(LiveRoomService live, LiveRoomAudience audience, IUseCases useCases) : IUseCaseHandler<Command, Applied>
    {
        public async Task<Result<Applied>> HandleAsync(Command command, CancellationToken ct)
        {
            var seeker = await live.SeekerInRoomAsync(command.RoomId, ct);
            if (!seeker.Succeeded) return seeker.Cast<Applied>();
            var (actor, room) = seeker.Value;
            if (room.Status != LiveRoomStatus.Live) return Error.Refused(LiveRoomErrors.NotLive);
            var jobId = (command.JobId ?? "").Trim();
            var shown = jobId.Length > 0 && (await live.Db.Set<LiveRoomJob>().AnyAsync(c => c.RoomId == room.Id && c.JobId == jobId, ct)
                || await live.Db.Set<LiveRoomPush>().AnyAsync(p => p.RoomId == room.Id && p.UserId == actor.UserId && p.JobId == jobId, ct));
            if (!shown) return Error.NotFound(LiveRoomAudienceErrors.JobNotInRoom, jobId);

            var application = await useCases.RunAsync(new Recruiting.ApplyToJob.Command(jobId), ct);
            if (!application.Succeeded) return application.Cast<Applied>();
            live.Db.Add(new LiveRoomApplication { RoomId = room.Id, ApplicationId = application.Value.Id, JobId = jobId, UserId = actor.UserId, At = live.Now });
            live.Record(room, LiveRoomActivityKinds.Application, actor.UserId);
            await live.Db.SaveChangesAsync(ct);
            var count = await audience.ApplicationCountAsync(room.Id, ct);
            await live.PublishAsync(room, LiveRoomAudience.ApplicationsKind, new { count }, ct);
            return new Applied(application.Value.Id, jobId, count);
        }
    }
}
