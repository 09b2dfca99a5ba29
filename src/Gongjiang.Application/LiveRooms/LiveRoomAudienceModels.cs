namespace Gongjiang.Application.LiveRooms;

/// <summary>A signed-in seeker who asked to be reminded of a room shortly before it starts; <see cref="RemindedAt"/> marks the reminder sent (once, whichever node sends it).</summary>
public sealed class LiveRoomSubscription
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RemindedAt { get; set; }
}

/// <summary>An application a seeker made from a room's job card (the recruiting application it is), for the host's console.</summary>
public sealed class LiveRoomApplication
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string JobId { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The kinds of what a host pushes to one viewer (a <c>personal</c> push).</summary>
public static class LiveRoomPushKinds
{
    public const string JobCard = "job_card";
    public const string Invitation = "invitation";
    public const string Offer = "offer";

    public static bool IsKnown(string? kind) => kind is JobCard or Invitation or Offer;
}

/// <summary>
/// What a room's host pushed to one viewer: a job card, an invitation to apply (the recruiting invitation it made) or an offer
/// card with its monthly pay — and, when that pay lies outside the pay the room showed for the job, the reason stated for it.
/// </summary>
public sealed class LiveRoomPush
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The viewer it was pushed to (a signed-in seeker).</summary>
    public string UserId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string JobId { get; set; } = "";
    public string ByUserId { get; set; } = "";
    public DateTime At { get; set; }
    public string? Message { get; set; }
    /// <summary>The invitation to apply made for it (invitation pushes).</summary>
    public string? InvitationId { get; set; }
    /// <summary>The monthly pay offered (offer cards).</summary>
    public int? MonthlyPay { get; set; }
    /// <summary>Why the offered pay lies outside the pay the room showed (required then, kept with the offer).</summary>
    public string? PayReason { get; set; }
}

/// <summary>A push as its viewer sees it (in the room, live and after reconnecting).</summary>
public sealed record LiveRoomPushView(long Id, string Kind, string JobId, string JobTitle, string EmployerName, int PayMin, int PayMax,
    string? Message, int? MonthlyPay, string? PayReason, DateTime At);

/// <summary>A room in the list: its summary and whether the signed-in seeker asked for a reminder.</summary>
public sealed record LiveRoomListItem(LiveRoomSummary Room, bool Subscribed);

/// <summary>What the room page shows the signed-in user beyond the room's state: the pushes to them, the jobs they applied to from it, their reminder.</summary>
public sealed record LiveRoomMine(IReadOnlyList<LiveRoomPushView> Pushes, IReadOnlyList<string> AppliedJobIds, bool Subscribed);

/// <summary>The room page: the room's state, its latest announcements, how many applied from it, and what is the signed-in user's own in it.</summary>
public sealed record LiveRoomPage(LiveRoomState State, IReadOnlyList<LiveRoomBroadcast> Announcements, LiveRoomMine Mine, int Applications);

/// <summary>A seeker the host may push to: signed in and watching (or watched) the room, or an applicant from it. The name is masked.</summary>
public sealed record LiveRoomAudienceMember(string UserId, string Name, bool Applied, DateTime LastSeenAt);

/// <summary>An application made from the room, as its host's console shows it.</summary>
public sealed record LiveRoomApplicationView(string ApplicationId, string JobId, string JobTitle, string UserId, string Name, DateTime At);

/// <summary>The host's console: the room's state, the applications from it, the seekers who may be pushed to, the pushes sent.</summary>
public sealed record LiveRoomConsole(LiveRoomState State, string? MicRoomUrl, IReadOnlyList<LiveRoomApplicationView> Applications,
    IReadOnlyList<LiveRoomAudienceMember> Audience, IReadOnlyList<LiveRoomPushView> Pushes);

/// <summary>Live-room reminders (configuration section <c>LiveRooms</c>).</summary>
public sealed class LiveRoomReminderOptions
{
    /// <summary>How long before the start a subscriber is reminded.</summary>
    public TimeSpan Lead { get; set; } = TimeSpan.FromMinutes(15);
}
