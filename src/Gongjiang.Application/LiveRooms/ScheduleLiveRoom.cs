using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// HR of a verified employer or agency, or an operator (a government-run room), schedules a live room: title, host, the jobs
/// shown as cards (with the pay their postings state), the external stream (HLS or FLV, http or https), start and end.
/// HR may show only their own employer's open jobs; an operators' room may show any open job.
/// </summary>
public static class ScheduleLiveRoom
{
    public sealed record Command(string? Title, string? HostName, string? Description, string? StreamUrl, string? MicRoomUrl,
        DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<string>? JobIds) : IUseCase<LiveRoomSummary>;

    public sealed class Handler(LiveRoomService live, TimeProvider clock) : IUseCaseHandler<Command, LiveRoomSummary>
    {
        public async Task<Result<LiveRoomSummary>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await live.ActorAsync(ct);
            if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
            LiveRoomHostKind kind;
            if (actor.IsEmployer)
            {
                var employer = await live.Db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == actor.EmployerId, ct);
                if (employer is null || !employer.CanPublish) return Error.Forbidden(LiveRoomErrors.MayNotHost);
                kind = actor.IsAgency ? LiveRoomHostKind.Agency : LiveRoomHostKind.Employer;
            }
            else if (actor.IsOperator) kind = LiveRoomHostKind.Operator;
            else return Error.Forbidden(LiveRoomErrors.MayNotHost);

            var input = await LiveRoomInput.CheckAsync(live, new LiveRoomDetails(command.Title, command.HostName, command.Description,
                command.StreamUrl, command.MicRoomUrl, command.StartsAt, command.EndsAt, command.JobIds), kind, actor, ct);
            if (!input.Succeeded) return input.Cast<LiveRoomSummary>();

            var room = new LiveRoom
            {
                Id = LiveRoomService.NewId(clock), HostKind = kind, EmployerId = kind == LiveRoomHostKind.Operator ? null : actor.EmployerId,
                CreatedByUserId = actor.UserId, Status = LiveRoomStatus.Scheduled, CreatedAt = live.Now, Version = Guid.NewGuid(),
            };
            live.Rooms.Add(room);
            await LiveRoomInput.ApplyAsync(live, room, input.Value, ct);
            await live.Db.SaveChangesAsync(ct);
            return await live.SummaryAsync(room, input.Value.Jobs.Count, ct);
        }
    }
}
