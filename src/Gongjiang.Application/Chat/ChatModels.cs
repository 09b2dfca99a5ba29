namespace Gongjiang.Application.Chat;

/// <summary>Which side of a conversation wrote or read something.</summary>
public enum ChatSide { Seeker = 0, Employer = 1 }

/// <summary>What a message carries: words, a job card, an invitation to apply or an interview time.</summary>
public enum ChatMessageKind { Text = 0, JobCard = 1, Invitation = 2, Interview = 3 }

/// <summary>
/// A one-to-one conversation (沟通) between one seeker and one employer about one job. Messages are numbered per
/// conversation (<see cref="LastSeq"/>); each side has read up to a number. Either side may block the other.
/// </summary>
public sealed class Conversation
{
    public string Id { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string JobId { get; set; } = "";
    /// <summary>Who opened it: the seeker, or the HR user (counted against that user's daily limit).</summary>
    public string StartedByUserId { get; set; } = "";
    public ChatSide StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    public long LastSeq { get; set; }
    public long SeekerReadSeq { get; set; }
    public long EmployerReadSeq { get; set; }
    public ChatSide? BlockedBy { get; set; }
    public DateTime? BlockedAt { get; set; }
    /// <summary>Concurrency token: two messages at once cannot take the same number.</summary>
    public Guid Version { get; set; }
}

/// <summary>One delivered message, numbered within its conversation.</summary>
public sealed class ChatMessage
{
    public long Id { get; set; }
    public string ConversationId { get; set; } = "";
    public long Seq { get; set; }
    public ChatSide Side { get; set; }
    public string SenderUserId { get; set; } = "";
    public ChatMessageKind Kind { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The job a job card shows.</summary>
    public string? JobId { get; set; }
    /// <summary>The invitation or application the message points at.</summary>
    public string? ReferenceId { get; set; }
    /// <summary>An interview's start (UTC).</summary>
    public DateTime? At { get; set; }
    /// <summary>Screening rules the text raised that did not hold it (comma-separated rule ids), delivered with a flag.</summary>
    public string? Flags { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>A message screening held back: never delivered, kept for the operators' review.</summary>
public sealed class HeldChatMessage
{
    public long Id { get; set; }
    public string ConversationId { get; set; } = "";
    public ChatSide Side { get; set; }
    public string SenderUserId { get; set; } = "";
    public string Text { get; set; } = "";
    public string Rules { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>When an operator reviewed it: kept back (screening was right) or released into the conversation.</summary>
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public bool Released { get; set; }
}

/// <summary>A report of the other side of a conversation; a seeker's report of an employer also files a complaint.</summary>
public sealed class ChatReport
{
    public long Id { get; set; }
    public string ConversationId { get; set; } = "";
    public ChatSide Side { get; set; }
    public string ReporterUserId { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? ComplaintId { get; set; }
    public DateTime At { get; set; }
    /// <summary>When an operator closed it, and what they noted.</summary>
    public DateTime? HandledAt { get; set; }
    public string? HandledByUserId { get; set; }
    public string? HandlingNote { get; set; }
}

/// <summary>Chat settings (configuration section <c>Chat</c>).</summary>
public sealed class ChatOptions
{
    /// <summary>How many new conversations one HR user may open per day (China time); seekers opening them do not count.</summary>
    public int DailyNewConversationsPerHr { get; set; } = 100;
    /// <summary>The longest message, in characters.</summary>
    public int MaxMessageLength { get; set; } = 1000;
    /// <summary>Screening rules that hold a message in chat whatever their severity on postings (contact data and fees).</summary>
    public IReadOnlyList<string> HeldRules { get; set; } = [Core.Compliance.ScreeningRules.OffPlatformContact, Core.Compliance.ScreeningRules.FeeDeposit];
}

/// <summary>A message as both doors (pages, API, hub) show it: its number and the server's send time in Unix milliseconds.</summary>
/// <param name="SentAt">The server's send time in Unix milliseconds.</param>
public sealed record ChatMessageView(long Seq, string ConversationId, string Side, string Kind, string Text, long SentAt,
    string? JobId, string? JobTitle, string? Pay, string? ReferenceId, DateTime? At, IReadOnlyList<string> Flags);

/// <summary>A conversation in the inbox of one side.</summary>
public sealed record ConversationSummary(string Id, string JobId, string JobTitle, string EmployerName, string OtherName,
    string? LastKind, string? LastText, DateTime LastMessageAt, long LastSeq, int Unread, bool Blocked);

/// <summary>A conversation as one side sees it: the other party's name (masked for HR until consent reveals it), the messages.</summary>
public sealed record ConversationView(string Id, string MySide, string JobId, string JobTitle, string? Pay, string EmployerName,
    string SeekerName, string TalentId, long LastSeq, long MyReadSeq, long OtherReadSeq, bool Blocked, bool BlockedByMe,
    IReadOnlyList<ChatMessageView> Messages);

/// <summary>What sending did: the delivered message, or the rules that held it (the sender is told, the other side sees nothing).</summary>
public sealed record SendOutcome(ChatMessageView? Message, IReadOnlyList<string> HeldBy)
{
    public bool Held => Message is null;
}

/// <summary>Live delivery of what a conversation gains; the web app sends it over SignalR, elsewhere nothing listens.</summary>
public interface IChatBroadcaster
{
    Task MessageAsync(ChatMessageView message, CancellationToken ct = default);
    Task ReadAsync(string conversationId, string side, long seq, CancellationToken ct = default);
}

/// <summary>Nobody listening (the command line, application tests).</summary>
public sealed class NoChatBroadcaster : IChatBroadcaster
{
    public Task MessageAsync(ChatMessageView message, CancellationToken ct = default) => Task.CompletedTask;
    public Task ReadAsync(string conversationId, string side, long seq, CancellationToken ct = default) => Task.CompletedTask;
}
