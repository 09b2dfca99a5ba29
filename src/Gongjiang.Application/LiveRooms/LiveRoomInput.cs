using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A room's details as scheduled or edited: title, host, description, stream, mic room, times and the jobs shown as cards.</summary>
public sealed record LiveRoomDetails(string? Title, string? HostName, string? Description, string? StreamUrl, string? MicRoomUrl,
    DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<string>? JobIds);

/// <summary>
/// Checks a room's details once for scheduling and editing: a title, an http(s) stream, an end after the start and within a
/// day, and jobs that are open — the host's own employer's, or any for an operators' room.
/// </summary>
public static class LiveRoomInput
{
    public sealed record Checked(string Title, string HostName, string Description, string StreamUrl, string? MicRoomUrl,
        DateTime StartsAt, DateTime EndsAt, IReadOnlyList<JobPosting> Jobs);

    public static async Task<Result<Checked>> CheckAsync(LiveRoomService live, LiveRoomDetails details, LiveRoomHostKind kind, Actor actor, CancellationToken ct)
    {
        var errors = new ErrorList();
        var title = (details.Title ?? "").Trim();
        if (title.Length is 0 or > 100) errors.Add("title", LiveRoomErrors.TitleRequired);
        var stream = (details.StreamUrl ?? "").Trim();
        if (!IsWebUrl(stream)) errors.Add("streamUrl", LiveRoomErrors.StreamUrlInvalid);
        var mic = string.IsNullOrWhiteSpace(details.MicRoomUrl) ? null : details.MicRoomUrl.Trim();
        if (mic is not null && !IsWebUrl(mic)) errors.Add("micRoomUrl", LiveRoomErrors.StreamUrlInvalid);
        if (details.StartsAt is not { } starts || details.EndsAt is not { } ends || ends <= starts || ends - starts > TimeSpan.FromHours(24))
            errors.Add("endsAt", LiveRoomErrors.TimesInvalid);
        var jobIds = (details.JobIds ?? []).Where(j => !string.IsNullOrWhiteSpace(j)).Select(j => j.Trim()).Distinct(StringComparer.Ordinal).Take(50).ToList();
        var today = DateOnly.FromDateTime(live.Now);
        var jobs = await live.Db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToListAsync(ct);
        if (jobs.Count != jobIds.Count || jobs.Any(j => !j.IsOpenOn(today) || kind != LiveRoomHostKind.Operator && j.EmployerId != actor.EmployerId))
            errors.Add("jobIds", LiveRoomErrors.JobNotOurs);
        if (!errors.IsEmpty) return errors;
        var hostName = (details.HostName ?? "").Trim() is { Length: > 0 } h ? h[..Math.Min(h.Length, 60)] : title;
        var description = (details.Description ?? "").Trim();
        if (description.Length > 2000) description = description[..2000];
        return new Checked(title, hostName, description, stream, mic, LiveRoomService.Utc(details.StartsAt!.Value.ToUniversalTime()),
            LiveRoomService.Utc(details.EndsAt!.Value.ToUniversalTime()), jobIds.Select(id => jobs.First(j => j.Id == id)).ToList());
    }

    /// <summary>Puts the checked details on the room and replaces its job cards (the pay shown is the posting's pay now).</summary>
    public static async Task ApplyAsync(LiveRoomService live, LiveRoom room, Checked input, CancellationToken ct)
    {
        room.Title = input.Title;
        room.HostName = input.HostName;
        room.Description = input.Description;
        room.StreamUrl = input.StreamUrl;
        room.MicRoomUrl = input.MicRoomUrl;
        room.StartsAt = input.StartsAt;
        room.EndsAt = input.EndsAt;
        var cards = await live.Db.Set<LiveRoomJob>().Where(c => c.RoomId == room.Id).ToListAsync(ct);
        live.Db.RemoveRange(cards.Where(c => input.Jobs.All(j => j.Id != c.JobId)));
        var position = 0;
        foreach (var job in input.Jobs)
        {
            var card = cards.FirstOrDefault(c => c.JobId == job.Id);
            if (card is null) live.Db.Add(card = new LiveRoomJob { RoomId = room.Id, JobId = job.Id });
            card.Position = position++;
            card.PayMin = job.SalaryMin;
            card.PayMax = job.SalaryMax;
        }
    }

    private static bool IsWebUrl(string url) => url.Length is > 0 and <= 500
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
