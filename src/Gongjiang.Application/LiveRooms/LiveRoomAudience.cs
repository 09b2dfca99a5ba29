using Gongjiang.Application.Common;
using Gongjiang.Application.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// What the rooms' audience use cases share: the pushes to a viewer, the jobs they applied to from a room, their reminder,
/// the applications from a room and the seekers its host may push to.
/// </summary>
public sealed class LiveRoomAudience(LiveRoomService live)
{
    public const string ApplicationsKind = "applications";

    public Task<int> ApplicationCountAsync(string roomId, CancellationToken ct) =>
        live.Db.Set<LiveRoomApplication>().CountAsync(a => a.RoomId == roomId, ct);

    public async Task<LiveRoomMine> MineAsync(LiveRoom room, Actor? actor, CancellationToken ct)
    {
        if (actor is null) return new LiveRoomMine([], [], false);
        var pushes = await PushesAsync(room.Id, actor.UserId, ct);
        var applied = await live.Db.Set<LiveRoomApplication>().AsNoTracking().Where(a => a.RoomId == room.Id && a.UserId == actor.UserId)
            .Select(a => a.JobId).ToListAsync(ct);
        if (actor.TalentId is { } talentId)
        {
            // Applied to a room's job elsewhere before: the card shows it as applied too.
            var jobIds = await live.Db.Set<LiveRoomJob>().AsNoTracking().Where(c => c.RoomId == room.Id).Select(c => c.JobId).ToListAsync(ct);
            jobIds.AddRange(pushes.Select(p => p.JobId));
            applied.AddRange(await live.Db.Applications.AsNoTracking().Where(a => a.TalentId == talentId && jobIds.Contains(a.JobId))
                .Select(a => a.JobId).ToListAsync(ct));
        }
        var subscribed = await live.Db.Set<LiveRoomSubscription>().AnyAsync(s => s.RoomId == room.Id && s.UserId == actor.UserId, ct);
        return new LiveRoomMine(pushes, applied.Distinct(StringComparer.Ordinal).ToList(), subscribed);
    }

    /// <summary>The pushes of a room, to one viewer or (null) to everyone, latest first.</summary>
    public async Task<IReadOnlyList<LiveRoomPushView>> PushesAsync(string roomId, string? userId, CancellationToken ct)
    {
        var rows = await (from push in live.Db.Set<LiveRoomPush>().AsNoTracking()
                          join job in live.Db.Jobs.AsNoTracking() on push.JobId equals job.Id
                          join employer in live.Db.Employers.AsNoTracking() on job.EmployerId equals employer.Id
                          join card in live.Db.Set<LiveRoomJob>().AsNoTracking().Where(c => c.RoomId == roomId) on push.JobId equals card.JobId into cards
                          from card in cards.DefaultIfEmpty()
                          where push.RoomId == roomId && (userId == null || push.UserId == userId)
                          orderby push.Id descending
                          select new { push, job.Title, employer.Name, PayMin = card != null ? card.PayMin : job.SalaryMin, PayMax = card != null ? card.PayMax : job.SalaryMax })
            .Take(100).ToListAsync(ct);
        return rows.Select(r => ToView(r.push, r.Title, r.Name, r.PayMin, r.PayMax)).ToList();
    }

    public static LiveRoomPushView ToView(LiveRoomPush push, string jobTitle, string employerName, int payMin, int payMax) =>
        new(push.Id, push.Kind, push.JobId, jobTitle, employerName, payMin, payMax, push.Message, push.MonthlyPay, push.PayReason, LiveRoomService.Utc(push.At));

    /// <summary>The applications made from a room, latest first, with the applicant's name masked.</summary>
    public async Task<IReadOnlyList<LiveRoomApplicationView>> ApplicationsAsync(string roomId, CancellationToken ct)
    {
        var rows = await (from a in live.Db.Set<LiveRoomApplication>().AsNoTracking()
                          join job in live.Db.Jobs.AsNoTracking() on a.JobId equals job.Id
                          join user in live.Db.Users.AsNoTracking() on a.UserId equals user.Id
                          join contact in live.Db.TalentContacts.AsNoTracking() on user.TalentId equals contact.TalentId into contacts
                          from contact in contacts.DefaultIfEmpty()
                          where a.RoomId == roomId
                          orderby a.Id descending
                          select new { a.ApplicationId, a.JobId, job.Title, a.UserId, Name = contact != null ? contact.Name : null, a.At })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new LiveRoomApplicationView(r.ApplicationId, r.JobId, r.Title, r.UserId, TalentService.MaskName(r.Name ?? "—"),
            LiveRoomService.Utc(r.At))).ToList();
    }

    /// <summary>The signed-in seekers who watch (or watched) the room and its applicants, most recently seen first, names masked.</summary>
    public async Task<IReadOnlyList<LiveRoomAudienceMember>> AudienceAsync(string roomId, CancellationToken ct)
    {
        var watchers = await (from v in live.Db.Set<LiveRoomViewer>().AsNoTracking()
                              join user in live.Db.Users.AsNoTracking() on v.UserId equals user.Id
                              where v.RoomId == roomId && user.TalentId != null
                              orderby v.LastSeenAt descending
                              select new { user.Id, user.TalentId, v.LastSeenAt }).Take(200).ToListAsync(ct);
        var applicants = await (from a in live.Db.Set<LiveRoomApplication>().AsNoTracking()
                                join user in live.Db.Users.AsNoTracking() on a.UserId equals user.Id
                                where a.RoomId == roomId && user.TalentId != null
                                select new { user.Id, user.TalentId, LastSeenAt = a.At }).ToListAsync(ct);
        var applied = applicants.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var people = watchers.Concat(applicants).GroupBy(p => p.Id)
            .Select(g => (UserId: g.Key, TalentId: g.First().TalentId!, LastSeenAt: g.Max(p => p.LastSeenAt))).ToList();
        var talentIds = people.Select(p => p.TalentId).ToList();
        var names = await live.Db.TalentContacts.AsNoTracking().Where(c => talentIds.Contains(c.TalentId))
            .ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
        return people.OrderByDescending(p => p.LastSeenAt)
            .Select(p => new LiveRoomAudienceMember(p.UserId, TalentService.MaskName(names.GetValueOrDefault(p.TalentId) ?? "—"), applied.Contains(p.UserId),
                LiveRoomService.Utc(p.LastSeenAt))).ToList();
    }
}
