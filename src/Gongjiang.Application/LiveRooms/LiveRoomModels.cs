namespace Gongjiang.Application.LiveRooms;

/// <summary>Who runs a live room: an employer's HR, an agency, or the zone's operators (a government-run room).</summary>
public enum LiveRoomHostKind { Employer = 0, Agency = 1, Operator = 2 }

/// <summary>Where a room stands: scheduled, on air, over, or called off.</summary>
public enum LiveRoomStatus { Scheduled = 0, Live = 1, Ended = 2, Cancelled = 3 }

/// <summary>
/// A live recruiting room (直播招聘/直播带岗): a title, a host, the jobs shown as cards with their pay, an external stream
/// and a time. Every broadcast of the room is numbered (<see cref="LastSeq"/>) and kept as a <see cref="LiveRoomEvent"/>,
/// so a client that reconnects gets what it missed.
/// </summary>
public sealed class LiveRoom
{
    public string Id { get; set; } = "";
    public LiveRoomHostKind HostKind { get; set; }
    /// <summary>The employer (or agency) whose HR runs the room; null for an operators' room.</summary>
    public string? EmployerId { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Who presents, as shown (e.g. 王总监, 人力资源部).</summary>
    public string HostName { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The external stream (HLS <c>.m3u8</c> or FLV) a streaming service gives; played in the page, or a link.</summary>
    public string StreamUrl { get; set; } = "";
    /// <summary>The external RTC room mic guests are handed (optional).</summary>
    public string? MicRoomUrl { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public LiveRoomStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The number of the room's last broadcast.</summary>
    public long LastSeq { get; set; }
    /// <summary>The most viewers watching at once.</summary>
    public int PeakViewers { get; set; }
    /// <summary>Concurrency token: two broadcasts at once cannot take the same number.</summary>
    public Guid Version { get; set; }
}

/// <summary>A job shown in a room as a card, with the pay shown there (taken from the posting when the card is added).</summary>
public sealed class LiveRoomJob
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string JobId { get; set; } = "";
    public int Position { get; set; }
    public int PayMin { get; set; }
    public int PayMax { get; set; }
}

/// <summary>One numbered broadcast of a room: its kind and its data as JSON, as every client received it.</summary>
public sealed class LiveRoomEvent
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public long Seq { get; set; }
    public string Kind { get; set; } = "";
    public string Data { get; set; } = "{}";
    public DateTime SentAt { get; set; }
}

/// <summary>
/// One viewer of a room (a signed-in user, or an anonymous browser by its viewer cookie): when first and last seen and the
/// seconds watched, for unique viewers and watch time.
/// </summary>
public sealed class LiveRoomViewer
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string ViewerKey { get; set; } = "";
    public string? UserId { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public long WatchSeconds { get; set; }
}

/// <summary>
/// Something that happened in a room, kept for its statistics: a question, an answer, a mic link (with its seconds), an
/// application, an invitation, an offer or a job card pushed to a viewer (<see cref="LiveRoomActivityKinds"/>).
/// </summary>
public sealed class LiveRoomActivity
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>The user it was by or for (a seeker asking or applying, the guest on the mic), when there is one.</summary>
    public string? UserId { get; set; }
    /// <summary>How long it lasted in seconds (a mic link).</summary>
    public long? Seconds { get; set; }
}

/// <summary>The kinds of <see cref="LiveRoomActivity"/> the statistics count.</summary>
public static class LiveRoomActivityKinds
{
    public const string Question = "question";
    public const string Answer = "answer";
    public const string MicLink = "mic_link";
    public const string Application = "application";
    public const string Invitation = "invitation";
    public const string Offer = "offer";
    public const string JobCardPush = "job_card_push";
}

/// <summary>Live rooms settings (configuration section <c>LiveRooms</c>).</summary>
public sealed class LiveRoomOptions
{
    /// <summary>The longest question, answer or host message, in characters.</summary>
    public int MaxMessageLength { get; set; } = 300;
    /// <summary>How many missed broadcasts a reconnecting client is given at most; older ones it reloads as state.</summary>
    public int CatchUpLimit { get; set; } = 500;
}

/// <summary>
/// A room broadcast as every door sends it: the room, its number in the room, the server's send time in Unix milliseconds,
/// its kind (<see cref="LiveRoomEventKinds"/>) and its data as a JSON text (the same text in the JSON and MessagePack protocols).
/// </summary>
public sealed record LiveRoomBroadcast(string RoomId, long Seq, long SentAt, string Kind, string Data);

/// <summary>The kinds of room broadcasts (docs/formats.md, "Live room hub").</summary>
public static class LiveRoomEventKinds
{
    public const string Announcement = "announcement";
    public const string Status = "status";
    public const string Viewers = "viewers";
    public const string JobCards = "job_cards";
}

/// <summary>How many watch now and the most at once.</summary>
public sealed record ViewerCount(int Current, int Peak);

/// <summary>A job card as a room shows it.</summary>
public sealed record LiveJobCardView(string JobId, string Title, string EmployerName, string CityCode, int PayMin, int PayMax, bool Open);

/// <summary>A room as its list and page show it.</summary>
public sealed record LiveRoomSummary(string Id, string Title, string HostName, string HostKind, string? EmployerName, string Status,
    DateTime StartsAt, DateTime EndsAt, int PeakViewers, int JobCount);

/// <summary>
/// What a client joining (or rejoining) a room gets: the room, its job cards, how many watch, what the signed-in user may do,
/// the number of its last broadcast and the broadcasts after the number the client held.
/// </summary>
public sealed record LiveRoomState(LiveRoomSummary Room, string Description, string StreamUrl, IReadOnlyList<LiveJobCardView> Jobs,
    ViewerCount Viewers, LiveRoomRole Role, long LastSeq, IReadOnlyList<LiveRoomBroadcast> Missed, bool MissedTruncated);

/// <summary>What the signed-in user is in a room: a viewer (anonymous or signed in), a seeker (may ask, apply, request the mic), or its host (may moderate).</summary>
public sealed record LiveRoomRole(bool SignedIn, bool Seeker, bool Host);

/// <summary>Live delivery of a room's broadcasts; the web app sends them over SignalR (through Redis with several nodes).</summary>
public interface ILiveRoomBroadcaster
{
    Task BroadcastAsync(LiveRoomBroadcast broadcast, CancellationToken ct = default);
    /// <summary>Something for one user only (a pushed job card, invitation or offer; their mic turn).</summary>
    Task ToUserAsync(string userId, string kind, object data, CancellationToken ct = default);
}

/// <summary>Nobody listening (the command line, application tests).</summary>
public sealed class NoLiveRoomBroadcaster : ILiveRoomBroadcaster
{
    public Task BroadcastAsync(LiveRoomBroadcast broadcast, CancellationToken ct = default) => Task.CompletedTask;
    public Task ToUserAsync(string userId, string kind, object data, CancellationToken ct = default) => Task.CompletedTask;
}

/// <summary>
/// Who watches a room now, counted across every node: kept in Redis when several nodes share one (<see cref="InProcessLiveRoomPresence"/>
/// otherwise keeps it in this process, right for a single node). A viewer with two tabs counts once.
/// </summary>
public interface ILiveRoomPresence
{
    /// <summary>A connection starts watching; answers the counts after it.</summary>
    Task<ViewerCount> JoinAsync(string roomId, string connectionId, string viewerKey, CancellationToken ct = default);
    /// <summary>A connection stops watching (left or dropped); answers the viewer key it watched as, and the counts after it.</summary>
    Task<(string? ViewerKey, ViewerCount Count)> LeaveAsync(string roomId, string connectionId, CancellationToken ct = default);
    Task<ViewerCount> CountAsync(string roomId, CancellationToken ct = default);
    /// <summary>
    /// Upkeep, run on every node every few seconds (<see cref="LiveRoomPresenceUpkeep"/>): this node says it is still there,
    /// the connections of nodes that stopped saying so are let go, and rooms nobody has watched for a while are forgotten.
    /// Answers how many connections were let go.
    /// </summary>
    Task<int> MaintainAsync(CancellationToken ct = default);
}
