namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// How many watched a room in one minute: the most counted at once in that minute across every node, sampled by
/// <see cref="LiveRoomViewerSampler"/> while the room is on air.
/// </summary>
public sealed class LiveRoomViewerSample
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    /// <summary>The minute's start (UTC, seconds zero).</summary>
    public DateTime Minute { get; set; }
    public int Viewers { get; set; }
}

/// <summary>One minute of a room: viewers (sampled; null when no sample was taken), viewers new in it, and what happened in it.</summary>
public sealed record LiveRoomMinute(DateTime Minute, int? Viewers, int NewViewers, int Questions, int Answers, int MicLinks, int Applications,
    int Invitations, int Offers);

/// <summary>
/// A room in total: the most watching at once, unique viewers, watch time (total and per unique viewer, in seconds), and the
/// questions, answers, mic links (count and minutes on the mic), applications, invitations, offers and job cards pushed.
/// </summary>
public sealed record LiveRoomTotals(int PeakViewers, int UniqueViewers, long WatchSeconds, long AverageWatchSeconds, int Questions, int Answers,
    int MicLinks, double MicMinutes, int Applications, int Invitations, int Offers, int JobCardPushes);

/// <summary>A room's statistics: minute by minute from its start to its end (or now, while on air), and in total.</summary>
public sealed record LiveRoomStats(LiveRoomSummary Room, DateTime? From, DateTime? To, LiveRoomTotals Totals, IReadOnlyList<LiveRoomMinute> Minutes);
