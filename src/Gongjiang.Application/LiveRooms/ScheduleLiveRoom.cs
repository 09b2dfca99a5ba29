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

            var errors = new ErrorList();
            var title = (command.Title ?? "").Trim();
            if (title.Length is 0 or > 100) errors.Add("title", LiveRoomErrors.TitleRequired);
            var stream = (command.StreamUrl ?? "").Trim();
            if (!IsWebUrl(stream)) errors.Add("streamUrl", LiveRoomErrors.StreamUrlInvalid);
            var mic = string.IsNullOrWhiteSpace(command.MicRoomUrl) ? null : command.MicRoomUrl.Trim();
            if (mic is not null && !IsWebUrl(mic)) errors.Add("micRoomUrl", LiveRoomErrors.StreamUrlInvalid);
            if (command.StartsAt is not { } starts || command.EndsAt is not { } ends || ends <= starts || ends - starts > TimeSpan.FromHours(24))
                errors.Add("endsAt", LiveRoomErrors.TimesInvalid);
            var jobIds = (command.JobIds ?? []).Where(j => !string.IsNullOrWhiteSpace(j)).Distinct(StringComparer.Ordinal).Take(50).ToList();
            var today = DateOnly.FromDateTime(live.Now);
            var jobs = await live.Db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToListAsync(ct);
            if (jobs.Count != jobIds.Count || jobs.Any(j => !j.IsOpenOn(today) || kind != LiveRoomHostKind.Operator && j.EmployerId != actor.EmployerId))
                errors.Add("jobIds", LiveRoomErrors.JobNotOurs);
            if (!errors.IsEmpty) return errors;

            var now = live.Now;
            var room = new LiveRoom
            {
                Id = LiveRoomService.NewId(clock), HostKind = kind, EmployerId = kind == LiveRoomHostKind.Operator ? null : actor.EmployerId,
                CreatedByUserId = actor.UserId, Title = title, HostName = (command.HostName ?? "").Trim() is { Length: > 0 } h ? h[..Math.Min(h.Length, 60)] : title,
                Description = (command.Description ?? "").Trim() is var d && d.Length > 2000 ? d[..2000] : (command.Description ?? "").Trim(),
                StreamUrl = stream, MicRoomUrl = mic, StartsAt = LiveRoomService.Utc(command.StartsAt!.Value.ToUniversalTime()),
                EndsAt = LiveRoomService.Utc(command.EndsAt!.Value.ToUniversalTime()), Status = LiveRoomStatus.Scheduled, CreatedAt = now,
                Version = Guid.NewGuid(),
            };
            live.Rooms.Add(room);
            var position = 0;
            foreach (var id in jobIds)
            {
                var job = jobs.First(j => j.Id == id);
                live.Db.Add(new LiveRoomJob { RoomId = room.Id, JobId = id, Position = position++, PayMin = job.SalaryMin, PayMax = job.SalaryMax });
            }
            await live.Db.SaveChangesAsync(ct);
            return await live.SummaryAsync(room, jobIds.Count, ct);
        }

        private static bool IsWebUrl(string url) => url.Length is > 0 and <= 500
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
