using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Chat;

/// <summary>A signed-in user in one conversation: which side they are on.</summary>
public sealed record ChatParticipant(Actor Actor, Conversation Conversation, ChatSide Side)
{
    public bool IsEmployer => Side == ChatSide.Employer;
}

/// <summary>
/// What the chat use cases share: who may take part in a conversation (the seeker whose profile it is, the HR of its
/// employer; anyone else is told it does not exist), screening and numbering of messages, and the views both sides see.
/// </summary>
public sealed class ChatService(AppDbContext db, ICurrentUser currentUser, TimeProvider clock, PostingScreener screener,
    SharingService sharing, IChatBroadcaster broadcaster, IOptions<ChatOptions> options)
{
    public const int PageSize = 200;

    public ChatOptions Options => options.Value;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DbSet<Conversation> Conversations => db.Set<Conversation>();
    public DbSet<ChatMessage> Messages => db.Set<ChatMessage>();

    public async Task<Result<Actor>> ActorAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        if (actor is null || !actor.IsSeeker && !actor.IsEmployer) return Error.Forbidden(ChatErrors.NoAccount);
        return actor;
    }

    /// <summary>The conversation as the signed-in user takes part in it; another seeker's or employer's is not found.</summary>
    public async Task<Result<ChatParticipant>> ParticipantAsync(string? conversationId, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (!actor.Succeeded) return actor.Cast<ChatParticipant>();
        var conversation = string.IsNullOrEmpty(conversationId) ? null : await Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        var a = actor.Value;
        if (conversation is not null && a.IsSeeker && conversation.TalentId == a.TalentId)
            return new ChatParticipant(a, conversation, ChatSide.Seeker);
        if (conversation is not null && a.IsEmployer && conversation.EmployerId == a.EmployerId)
            return new ChatParticipant(a, conversation, ChatSide.Employer);
        return Error.NotFound(ChatErrors.NotFound, conversationId ?? "");
    }

    /// <summary>
    /// Screens, numbers, stores and delivers one message. Text raising a held rule (contact data, fees) or a blocking rule is
    /// kept back for review and the sender told why; other flags travel with the message.
    /// </summary>
    public async Task<Result<SendOutcome>> SendAsync(ChatParticipant who, ChatMessageKind kind, string? text, string? jobId = null,
        string? referenceId = null, DateTime? at = null, CancellationToken ct = default)
    {
        var conversation = who.Conversation;
        if (conversation.BlockedBy is not null) return Error.Refused(ChatErrors.Blocked);
        var body = (text ?? "").Trim();
        if (kind == ChatMessageKind.Text && body.Length == 0) return Error.Invalid("text", ChatErrors.TextRequired);
        if (body.Length > Options.MaxMessageLength) return Error.Invalid("text", ChatErrors.TooLong, Options.MaxMessageLength);

        var flags = body.Length == 0 ? [] : screener.ScreenMessage(body).Flags;
        var holding = flags.Where(f => f.Severity == FlagSeverity.Block || Options.HeldRules.Contains(f.Rule, StringComparer.Ordinal))
            .Select(f => f.Rule).Distinct(StringComparer.Ordinal).ToList();
        var now = Now;
        if (holding.Count > 0)
        {
            db.Add(new HeldChatMessage
            {
                ConversationId = conversation.Id, Side = who.Side, SenderUserId = who.Actor.UserId, Text = body,
                Rules = string.Join(',', holding), At = now,
            });
            await db.SaveChangesAsync(ct);
            return new SendOutcome(null, holding);
        }

        var message = new ChatMessage
        {
            ConversationId = conversation.Id, Side = who.Side, SenderUserId = who.Actor.UserId, Kind = kind, Text = body,
            JobId = jobId, ReferenceId = referenceId, At = at, SentAt = now,
            Flags = flags.Count == 0 ? null : string.Join(',', flags.Select(f => f.Rule).Distinct(StringComparer.Ordinal)),
        };
        var view = await NumberAndDeliverAsync(conversation, message, ct);
        return new SendOutcome(view, []);
    }

    /// <summary>
    /// Gives the message the conversation's next number in the same save (a unique index and the conversation's concurrency
    /// token: two at once never share one), marks the sender's side read up to it, and delivers it.
    /// </summary>
    public async Task<ChatMessageView> NumberAndDeliverAsync(Conversation conversation, ChatMessage message, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            conversation.LastSeq++;
            conversation.LastMessageAt = message.SentAt;
            conversation.Version = Guid.NewGuid();
            if (message.Side == ChatSide.Seeker) conversation.SeekerReadSeq = conversation.LastSeq;
            else conversation.EmployerReadSeq = conversation.LastSeq;
            message.Seq = conversation.LastSeq;
            db.Add(message);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another message took this number first: reload the conversation and take the next.
                db.ChangeTracker.Clear();
                conversation = await Conversations.FirstAsync(c => c.Id == conversation.Id, ct);
                message.Id = 0;
            }
        }
        var view = (await ViewsAsync([message], ct))[0];
        await broadcaster.MessageAsync(view, ct);
        return view;
    }

    /// <summary>The views of these messages, with the title and pay of any job card.</summary>
    public async Task<IReadOnlyList<ChatMessageView>> ViewsAsync(IReadOnlyList<ChatMessage> messages, CancellationToken ct)
    {
        var jobIds = messages.Where(m => m.JobId is not null).Select(m => m.JobId!).Distinct().ToList();
        var jobs = jobIds.Count == 0 ? [] : await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .Select(j => new { j.Id, j.Title, j.SalaryMin, j.SalaryMax }).ToDictionaryAsync(j => j.Id, ct);
        return messages.Select(m =>
        {
            var job = m.JobId is not null && jobs.TryGetValue(m.JobId, out var j) ? j : null;
            return new ChatMessageView(m.Seq, m.ConversationId, SideName(m.Side), KindName(m.Kind), m.Text,
                new DateTimeOffset(DateTime.SpecifyKind(m.SentAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
                m.JobId, job?.Title, job is null ? null : Pay(job.SalaryMin, job.SalaryMax), m.ReferenceId,
                m.At is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
                string.IsNullOrEmpty(m.Flags) ? [] : m.Flags.Split(','));
        }).ToList();
    }

    /// <summary>The conversation as the participant sees it, with up to <see cref="PageSize"/> messages after <paramref name="afterSeq"/>.</summary>
    public async Task<ConversationView> ViewAsync(ChatParticipant who, long afterSeq, CancellationToken ct)
    {
        var c = who.Conversation;
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == c.JobId).Select(j => new { j.Title, j.SalaryMin, j.SalaryMax }).FirstAsync(ct);
        var employerName = await sharing.EmployerNameAsync(c.EmployerId, ct);
        var seekerName = await SeekerNameAsync(who.Side, c.EmployerId, c.TalentId, ct);
        var rows = await Messages.AsNoTracking().Where(m => m.ConversationId == c.Id && m.Seq > afterSeq)
            .OrderBy(m => m.Seq).Take(PageSize).ToListAsync(ct);
        var mine = who.Side == ChatSide.Seeker ? c.SeekerReadSeq : c.EmployerReadSeq;
        var theirs = who.Side == ChatSide.Seeker ? c.EmployerReadSeq : c.SeekerReadSeq;
        return new ConversationView(c.Id, SideName(who.Side), c.JobId, job.Title, Pay(job.SalaryMin, job.SalaryMax), employerName,
            seekerName, c.TalentId, c.LastSeq, mine, theirs, c.BlockedBy is not null, c.BlockedBy == who.Side, await ViewsAsync(rows, ct));
    }

    /// <summary>The seeker's name: in full for the seeker, for HR as the consent rules allow (masked until then).</summary>
    public async Task<string> SeekerNameAsync(ChatSide side, string employerId, string talentId, CancellationToken ct)
    {
        if (side == ChatSide.Seeker)
            return await db.TalentContacts.AsNoTracking().Where(t => t.TalentId == talentId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "";
        var names = await sharing.NamesForEmployerAsync(employerId, [talentId], ct);
        return names.GetValueOrDefault(talentId, "");
    }

    public Task BroadcastReadAsync(ChatParticipant who, long seq, CancellationToken ct) =>
        broadcaster.ReadAsync(who.Conversation.Id, SideName(who.Side), seq, ct);

    public static string NewId(TimeProvider clock) => EntityId.New('D', clock);
    public static string SideName(ChatSide side) => side == ChatSide.Seeker ? "seeker" : "employer";

    public static string KindName(ChatMessageKind kind) => kind switch
    {
        ChatMessageKind.JobCard => "job_card", ChatMessageKind.Invitation => "invitation", ChatMessageKind.Interview => "interview", _ => "text",
    };

    public static string Pay(int min, int max) => min == max ? $"{min}" : $"{min}-{max}";
}
