using System.Text.Encodings.Web;
using System.Text.Json;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A signed-in user who hosts a room: its employer's HR or agency, or an operator for an operators' room.</summary>
public sealed record LiveRoomHost(Actor Actor, LiveRoom Room);

/// <summary>
/// What the live-room use cases share: finding a room, who hosts it (everyone else is refused host methods, and the
/// attempt is logged), numbering, keeping and delivering its broadcasts, and the state a joining client gets.
/// </summary>
public sealed class LiveRoomService(AppDbContext db, ICurrentUser currentUser, TimeProvider clock, ILiveRoomBroadcaster broadcaster,
    ILiveRoomPresence presence, IOptions<LiveRoomOptions> options, ILogger<LiveRoomService> logger)
{
    /// <summary>How broadcasts' data is written: camelCase, Chinese kept as it is.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public LiveRoomOptions Options => options.Value;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public AppDbContext Db => db;
    public ILiveRoomPresence Presence => presence;
    public ILiveRoomBroadcaster Broadcaster => broadcaster;
    public DbSet<LiveRoom> Rooms => db.Set<LiveRoom>();

    public ValueTask<Actor?> ActorAsync(CancellationToken ct) => currentUser.GetAsync(ct);

    public async Task<Result<LiveRoom>> RoomAsync(string? roomId, CancellationToken ct)
    {
        var room = string.IsNullOrWhiteSpace(roomId) || roomId.Length > 40 ? null : await Rooms.FirstOrDefaultAsync(r => r.Id == roomId, ct);
        return room is null ? Error.NotFound(LiveRoomErrors.NotFound, roomId ?? "") : room;
    }

    /// <summary>Whether the user hosts the room: HR of its employer (or agency), or an operator for an operators' room.</summary>
    public static bool Hosts(Actor? actor, LiveRoom room) => actor is not null && (room.HostKind == LiveRoomHostKind.Operator
        ? actor.IsOperator
        : actor.IsEmployer && room.EmployerId is not null && actor.EmployerId == room.EmployerId);

    /// <summary>The room as its host acts on it; anyone else is refused and the attempt is logged.</summary>
    public async Task<Result<LiveRoomHost>> HostAsync(string? roomId, CancellationToken ct)
    {
        var room = await RoomAsync(roomId, ct);
        if (!room.Succeeded) return room.Cast<LiveRoomHost>();
        var actor = await ActorAsync(ct);
        if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
        if (!Hosts(actor, room.Value))
        {
            logger.LogWarning("Live room {RoomId}: user {UserId} tried a host-only action", room.Value.Id, actor.UserId);
            return Error.Forbidden(LiveRoomErrors.HostOnly);
        }
        return new LiveRoomHost(actor, room.Value);
    }

    /// <summary>The signed-in seeker in a room that is not over; anyone else is refused.</summary>
    public async Task<Result<(Actor Seeker, LiveRoom Room)>> SeekerInRoomAsync(string? roomId, CancellationToken ct)
    {
        var room = await RoomAsync(roomId, ct);
        if (!room.Succeeded) return room.Cast<(Actor, LiveRoom)>();
        var actor = await ActorAsync(ct);
        if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
        if (!actor.IsSeeker) return Error.Forbidden(LiveRoomErrors.SeekerOnly);
        if (room.Value.Status is LiveRoomStatus.Ended or LiveRoomStatus.Cancelled) return Error.Refused(LiveRoomErrors.Ended);
        return (actor, room.Value);
    }

    /// <summary>Checks a question, answer or message: not empty, not too long.</summary>
    public Result<string> Text(string? text, string field = "text")
    {
        var body = (text ?? "").Trim();
        if (body.Length == 0) return Error.Invalid(field, LiveRoomErrors.TextRequired);
        if (body.Length > Options.MaxMessageLength) return Error.Invalid(field, LiveRoomErrors.TooLong, Options.MaxMessageLength);
        return body;
    }

    /// <summary>
    /// Numbers, keeps and delivers one broadcast of the room. The number is taken in the same save as the kept event (a unique
    /// index and the room's concurrency token), so two broadcasts at once on two nodes never share one.
    /// </summary>
    public async Task<LiveRoomBroadcast> PublishAsync(LiveRoom room, string kind, object data, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(data, Json);
        var now = Now;
        var row = new LiveRoomEvent { RoomId = room.Id, Kind = kind, Data = json, SentAt = now };
        for (var attempt = 0; ; attempt++)
        {
            room.LastSeq++;
            room.Version = Guid.NewGuid();
            row.Seq = room.LastSeq;
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 8)
            {
                // Another broadcast took this number first: reload the room and take the next.
                db.Entry(row).State = EntityState.Detached;
                row.Id = 0;
                await db.Entry(room).ReloadAsync(ct);
            }
        }
        var broadcast = new LiveRoomBroadcast(room.Id, row.Seq, UnixMs(now), kind, json);
        await broadcaster.BroadcastAsync(broadcast, ct);
        return broadcast;
    }

    /// <summary>Keeps something that happened in the room for its statistics (saved with the caller's next save).</summary>
    public void Record(LiveRoom room, string kind, string? userId = null, long? seconds = null) =>
        db.Add(new LiveRoomActivity { RoomId = room.Id, Kind = kind, At = Now, UserId = userId, Seconds = seconds });

    /// <summary>The room as a client joining it sees it, with the broadcasts after <paramref name="afterSeq"/>.</summary>
    public async Task<LiveRoomState> StateAsync(LiveRoom room, Actor? actor, long afterSeq, CancellationToken ct)
    {
        var jobs = await JobCardsAsync(room.Id, ct);
        var missed = new List<LiveRoomBroadcast>();
        var truncated = false;
        if (afterSeq < room.LastSeq)
        {
            var limit = Options.CatchUpLimit;
            var rows = await db.Set<LiveRoomEvent>().AsNoTracking().Where(e => e.RoomId == room.Id && e.Seq > afterSeq)
                .OrderByDescending(e => e.Seq).Take(limit + 1).ToListAsync(ct);
            truncated = rows.Count > limit;
            missed.AddRange(rows.Take(limit).OrderBy(e => e.Seq).Select(ToBroadcast));
        }
        var count = await presence.CountAsync(room.Id, ct);
        var role = new LiveRoomRole(actor is not null, actor?.IsSeeker == true, Hosts(actor, room));
        return new LiveRoomState(await SummaryAsync(room, jobs.Count, ct), room.Description, room.StreamUrl, jobs,
            count with { Peak = Math.Max(count.Peak, room.PeakViewers) }, role, room.LastSeq, missed, truncated);
    }

    public async Task<IReadOnlyList<LiveJobCardView>> JobCardsAsync(string roomId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Now);
        var rows = await (from card in db.Set<LiveRoomJob>().AsNoTracking()
                          join job in db.Jobs.AsNoTracking() on card.JobId equals job.Id
                          join employer in db.Employers.AsNoTracking() on job.EmployerId equals employer.Id
                          where card.RoomId == roomId
                          orderby card.Position
                          select new { card.JobId, job.Title, employer.Name, job.CityCode, card.PayMin, card.PayMax, job.Status, job.ExpiresAt })
            .ToListAsync(ct);
        return rows.Select(r => new LiveJobCardView(r.JobId, r.Title, r.Name, r.CityCode, r.PayMin, r.PayMax,
            r.Status == Core.Jobs.JobStatus.Open && (r.ExpiresAt is null || r.ExpiresAt >= today))).ToList();
    }

    public async Task<LiveRoomSummary> SummaryAsync(LiveRoom room, int jobCount, CancellationToken ct)
    {
        var employerName = room.EmployerId is null ? null
            : await db.Employers.AsNoTracking().Where(e => e.Id == room.EmployerId).Select(e => e.Name).FirstOrDefaultAsync(ct);
        return new LiveRoomSummary(room.Id, room.Title, room.HostName, HostKindName(room.HostKind), employerName, StatusName(room.Status),
            Utc(room.StartsAt), Utc(room.EndsAt), room.PeakViewers, jobCount);
    }

    public static LiveRoomBroadcast ToBroadcast(LiveRoomEvent e) => new(e.RoomId, e.Seq, UnixMs(e.SentAt), e.Kind, e.Data);

    public static string NewId(TimeProvider clock) => EntityId.New('L', clock);
    public static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static string HostKindName(LiveRoomHostKind kind) => kind switch
    {
        LiveRoomHostKind.Agency => "agency", LiveRoomHostKind.Operator => "operator", _ => "employer",
    };

    public static string StatusName(LiveRoomStatus status) => status switch
    {
        LiveRoomStatus.Live => "live", LiveRoomStatus.Ended => "ended", LiveRoomStatus.Cancelled => "cancelled", _ => "scheduled",
    };
}
