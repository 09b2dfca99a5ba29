namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// A seeker's question in a room. Screening holds a question with contact data or fee bait (<see cref="HeldRules"/>): it is
/// never shown and is kept for the operators' review. The host answers (the answer may be pinned above the rest) or hides it.
/// </summary>
public sealed class LiveRoomQuestion
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string AskerUserId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime AskedAt { get; set; }
    /// <summary>The screening rules that held it (comma-separated); null for a question shown in the room.</summary>
    public string? HeldRules { get; set; }
    /// <summary>When an operator reviewed the held question: kept back, or released into the room.</summary>
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public int Upvotes { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredByUserId { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public bool Pinned { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenByUserId { get; set; }
}

/// <summary>One user's upvote of one question (once per user).</summary>
public sealed class LiveRoomUpvote
{
    public long Id { get; set; }
    public long QuestionId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A user the host muted in a room: they cannot ask or request the mic there until unmuted.</summary>
public sealed class LiveRoomMute
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string MutedByUserId { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>Where a mic request (连麦) stands.</summary>
public enum LiveMicStatus { Waiting = 0, OnMic = 1, Ended = 2, Declined = 3, Withdrawn = 4 }

/// <summary>
/// A seeker's request to join the host on the mic (连麦): waiting in the room's queue, on the mic, then over (ended, declined
/// or withdrawn). Kept in the database, so the queue and the guest are the same on every node.
/// </summary>
public sealed class LiveRoomMicRequest
{
    public long Id { get; set; }
    public string RoomId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public LiveMicStatus Status { get; set; }
    /// <summary>The requester while the request is open (waiting or on the mic), null after: unique per room, so a user has one open request at a time.</summary>
    public string? OpenUserId { get; set; }
    /// <summary>The room while this request is on the mic, null otherwise: unique, so two hosts accepting at once cannot put two guests on.</summary>
    public string? OnMicRoomId { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    /// <summary>How long the guest was on the mic, in seconds (an ended link).</summary>
    public long? Seconds { get; set; }
}

/// <summary>The broadcast and personal kinds of the questions and the mic (docs/formats.md, "Live room hub").</summary>
public static class LiveTalkKinds
{
    public const string Question = "question";
    public const string Answer = "answer";
    public const string QuestionHidden = "question_hidden";
    public const string Upvotes = "upvotes";
    public const string MicQueue = "mic_queue";
    public const string OnMic = "on_mic";
    public const string MicEnded = "mic_ended";
    /// <summary>Personal: the host took the user on the mic; carries the external RTC room's link.</summary>
    public const string MicAccepted = "mic_accepted";
    /// <summary>Personal: the host declined the user's mic request.</summary>
    public const string MicDeclined = "mic_declined";
    /// <summary>Personal: the host muted or unmuted the user in the room.</summary>
    public const string Muted = "muted";
}

/// <summary>A question as the room shows it: the asker's name masked, its upvotes, the host's answer and whether it is pinned.</summary>
/// <param name="AskedAt">Unix milliseconds.</param>
/// <param name="AskerUserId">Only in the host's view (to mute the asker); null for everyone else.</param>
public sealed record LiveQuestionView(long Id, string Asker, string Text, long AskedAt, int Upvotes, bool UpvotedByMe, string? Answer,
    long? AnsweredAt, bool Pinned, string? AskerUserId = null);

/// <summary>Who is on the mic now: the guest's name masked, since when (Unix ms).</summary>
public sealed record LiveMicGuestView(long RequestId, string Guest, long Since, string? GuestUserId = null);

/// <summary>
/// A waiting mic request as the host sees it, with the requester's profile summary: name masked as the consent rules say,
/// occupation and grade, years of experience, city and key skills.
/// </summary>
public sealed record LiveMicRequestView(long RequestId, int Position, string UserId, string Name, string? Occupation, int? Grade,
    double ExperienceYears, string? City, IReadOnlyList<string> Skills, long RequestedAt);

/// <summary>A user muted in the room (host's view).</summary>
public sealed record LiveMutedUserView(string UserId, string Name, long At);

/// <summary>My place in the mic queue (1 = next), or on the mic.</summary>
public sealed record LiveMicTurn(long RequestId, string Status, int? Position);

/// <summary>
/// The questions and mic of a room as one client sees them, what a (re)connecting client loads: pinned answers, recent
/// visible questions with upvotes, who is on the mic and how many wait, my queue place and whether I am muted; the host
/// also gets the queue with profile summaries and the muted users. The external RTC room's link is given to the guest on the mic
/// (so a reconnecting guest has it again) and to the host.
/// </summary>
public sealed record LiveTalkState(string RoomId, long LastSeq, bool Host, bool MaySpeak, bool Muted, IReadOnlyList<LiveQuestionView> Pinned,
    IReadOnlyList<LiveQuestionView> Questions, LiveMicGuestView? OnMic, int Waiting, LiveMicTurn? MyTurn,
    IReadOnlyList<LiveMicRequestView> Queue, IReadOnlyList<LiveMutedUserView> MutedUsers, string? MicRoomUrl);

public static class LiveTalkErrors
{
    public const string Held = "live.held";
    public const string Muted = "live.muted";
    public const string QuestionNotFound = "live.question_not_found";
    public const string AlreadyUpvoted = "live.already_upvoted";
    public const string NotAnswered = "live.not_answered";
    public const string MicUnverified = "live.mic_unverified";
    public const string MicAlreadyRequested = "live.mic_already_requested";
    public const string MicRequestNotFound = "live.mic_request_not_found";
    public const string MicBusy = "live.mic_busy";
    public const string UserNotInRoom = "live.user_not_in_room";
}
