using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// A room's statistics for its host (an operator may see any room's; anyone else is answered 404): minute by minute from its start to its end — viewers
/// (the per-minute samples), new viewers, questions, answers, mic links, applications, invitations, offers — and in total:
/// peak and unique viewers, total and average watch time, the same counts and the minutes on the mic. One query per figure,
/// whatever the audience's size.
/// </summary>
public static class GetLiveRoomStats
{
    public sealed record Query(string? RoomId) : IUseCase<LiveRoomStats>;

    /// <summary>The longest span shown minute by minute (a room lasts at most a day).</summary>
    public const int MaxMinutes = 24 * 60;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Query, LiveRoomStats>
    {
        public async Task<Result<LiveRoomStats>> HandleAsync(Query query, CancellationToken ct)
        {
            var found = await live.RoomAsync(query.RoomId, ct);
            if (!found.Succeeded) return found.Cast<LiveRoomStats>();
            var room = found.Value;
            var actor = await live.ActorAsync(ct);
            if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
            if (!actor.IsOperator && !LiveRoomService.Hosts(actor, room))
            {
                // Another host's figures are not disclosed: 404, as for another owner's record (HostAsync logs the attempt).
                await live.HostAsync(room.Id, ct);
                return Error.NotFound(LiveRoomErrors.NotFound, room.Id);
            }

            var db = live.Db;
            var viewers = db.Set<LiveRoomViewer>().AsNoTracking().Where(v => v.RoomId == room.Id);
            var unique = await viewers.CountAsync(ct);
            var watchSeconds = unique == 0 ? 0 : await viewers.SumAsync(v => v.WatchSeconds, ct);
            var kinds = await db.Set<LiveRoomActivity>().AsNoTracking().Where(a => a.RoomId == room.Id)
                .GroupBy(a => a.Kind).Select(g => new { Kind = g.Key, Count = g.Count(), Seconds = g.Sum(a => a.Seconds ?? 0) })
                .ToDictionaryAsync(k => k.Kind, ct);
            var samples = db.Set<LiveRoomViewerSample>().AsNoTracking().Where(s => s.RoomId == room.Id);
            var samplePeak = await samples.MaxAsync(s => (int?)s.Viewers, ct) ?? 0;
            int Count(string kind) => kinds.TryGetValue(kind, out var k) ? k.Count : 0;
            var micSeconds = kinds.TryGetValue(LiveRoomActivityKinds.MicLink, out var mic) ? mic.Seconds : 0;
            var totals = new LiveRoomTotals(Math.Max(room.PeakViewers, samplePeak), unique, watchSeconds, unique == 0 ? 0 : watchSeconds / unique,
                Count(LiveRoomActivityKinds.Question), Count(LiveRoomActivityKinds.Answer), Count(LiveRoomActivityKinds.MicLink),
                Math.Round(micSeconds / 60.0, 1, MidpointRounding.AwayFromZero), Count(LiveRoomActivityKinds.Application), Count(LiveRoomActivityKinds.Invitation),
                Count(LiveRoomActivityKinds.Offer), Count(LiveRoomActivityKinds.JobCardPush));

            var jobCount = await db.Set<LiveRoomJob>().CountAsync(j => j.RoomId == room.Id, ct);
            var summary = await live.SummaryAsync(room, jobCount, ct);
            if (room.StartedAt is not { } started) return new LiveRoomStats(summary, null, null, totals, []);
            var from = LiveRoomViewerSampler.MinuteOf(LiveRoomService.Utc(started));
            var end = room.EndedAt is { } ended ? LiveRoomService.Utc(ended) : live.Now;
            var to = LiveRoomViewerSampler.MinuteOf(end < from ? from : end);
            var count = (int)Math.Min(MaxMinutes, (to - from).Ticks / TimeSpan.TicksPerMinute + 1);
            to = from.AddMinutes(count - 1);

            // Per minute: one query per figure (the samples, when each viewer first came, when each activity happened), put in minutes here.
            var sampled = new int?[count];
            foreach (var s in await samples.Where(s => s.Minute >= from && s.Minute <= to).Select(s => new { s.Minute, s.Viewers }).ToListAsync(ct))
                sampled[Index(s.Minute)] = s.Viewers;
            var newViewers = new int[count];
            foreach (var firstSeen in await viewers.Select(v => v.FirstSeenAt).ToListAsync(ct))
                newViewers[Index(firstSeen)]++;
            var activity = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var a in await db.Set<LiveRoomActivity>().AsNoTracking().Where(a => a.RoomId == room.Id)
                         .Select(a => new { a.Kind, a.At }).ToListAsync(ct))
            {
                if (!activity.TryGetValue(a.Kind, out var buckets)) activity[a.Kind] = buckets = new int[count];
                buckets[Index(a.At)]++;
            }
            int At(string kind, int i) => activity.TryGetValue(kind, out var buckets) ? buckets[i] : 0;
            var minutes = Enumerable.Range(0, count).Select(i => new LiveRoomMinute(from.AddMinutes(i), sampled[i], newViewers[i],
                At(LiveRoomActivityKinds.Question, i), At(LiveRoomActivityKinds.Answer, i), At(LiveRoomActivityKinds.MicLink, i),
                At(LiveRoomActivityKinds.Application, i), At(LiveRoomActivityKinds.Invitation, i), At(LiveRoomActivityKinds.Offer, i))).ToList();
            return new LiveRoomStats(summary, from, to, totals, minutes);

            // Before the start counts in the first minute, after the end in the last.
            int Index(DateTime at) => (int)Math.Clamp((LiveRoomService.Utc(at) - from).Ticks / TimeSpan.TicksPerMinute, 0, count - 1);
        }
    }
}
