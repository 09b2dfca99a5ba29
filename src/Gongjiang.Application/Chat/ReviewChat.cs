using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Chat;

/// <summary>A message screening held back, as the operators review it.</summary>
public sealed record HeldMessageItem(long Id, string ConversationId, string Side, string EmployerName, string JobTitle, string Text,
    IReadOnlyList<string> Rules, DateTime At);

/// <summary>A report of one side of a conversation by the other, as the operators review it.</summary>
public sealed record ChatReportItem(long Id, string ConversationId, string Side, string EmployerName, string JobTitle, string Reason,
    string? ComplaintId, DateTime At);

/// <summary>What waits for the operators in chat: held messages and open reports, oldest first.</summary>
public sealed record ChatReviewItems(IReadOnlyList<HeldMessageItem> Held, IReadOnlyList<ChatReportItem> Reports);

/// <summary>The operators' chat review (会话审核): messages screening held back and reports not yet closed, oldest first.</summary>
public static class ListChatReview
{
    public const int Limit = 200;

    public sealed record Query : IUseCase<ChatReviewItems>;

    public sealed class Handler(ComplianceRules rules, AppDbContext db) : IUseCaseHandler<Query, ChatReviewItems>
    {
        public async Task<Result<ChatReviewItems>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<ChatReviewItems>();
            var held = await (from m in db.Set<HeldChatMessage>().AsNoTracking()
                              join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
                              join e in db.Employers.AsNoTracking() on c.EmployerId equals e.Id
                              join j in db.Jobs.AsNoTracking() on c.JobId equals j.Id
                              where m.ReviewedAt == null
                              orderby m.At, m.Id
                              select new { m.Id, m.ConversationId, m.Side, Employer = e.Name, j.Title, m.Text, m.Rules, m.At }).Take(Limit).ToListAsync(ct);
            var reports = await (from r in db.Set<ChatReport>().AsNoTracking()
                                 join c in db.Conversations.AsNoTracking() on r.ConversationId equals c.Id
                                 join e in db.Employers.AsNoTracking() on c.EmployerId equals e.Id
                                 join j in db.Jobs.AsNoTracking() on c.JobId equals j.Id
                                 where r.HandledAt == null
                                 orderby r.At, r.Id
                                 select new { r.Id, r.ConversationId, r.Side, Employer = e.Name, j.Title, r.Reason, r.ComplaintId, r.At }).Take(Limit).ToListAsync(ct);
            return new ChatReviewItems(
                held.Select(m => new HeldMessageItem(m.Id, m.ConversationId, ChatService.SideName(m.Side), m.Employer, m.Title, m.Text,
                    m.Rules.Split(',', StringSplitOptions.RemoveEmptyEntries), DateTime.SpecifyKind(m.At, DateTimeKind.Utc))).ToList(),
                reports.Select(r => new ChatReportItem(r.Id, r.ConversationId, ChatService.SideName(r.Side), r.Employer, r.Title, r.Reason,
                    r.ComplaintId, DateTime.SpecifyKind(r.At, DateTimeKind.Utc))).ToList());
        }
    }
}

/// <summary>
/// An operator decides on a held message: screening was right (it stays undelivered), or it held an innocent message, which
/// is then delivered into its conversation with the next number, as if just sent. Either way it leaves the queue and the
/// decision is in the service log.
/// </summary>
public static class DecideHeldMessage
{
    public sealed record Command(long Id, bool Release) : IUseCase<Done>;

    public sealed class Handler(ComplianceRules rules, AppDbContext db, ChatService chat, ServiceLog log) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Done>();
            var held = await db.Set<HeldChatMessage>().FirstOrDefaultAsync(m => m.Id == command.Id && m.ReviewedAt == null, ct);
            if (held is null) return Error.NotFound(ChatErrors.NotFound, command.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            held.ReviewedAt = chat.Now;
            held.ReviewedByUserId = op.Value.UserId;
            held.Released = command.Release;
            log.Write(op.Value.UserId, command.Release ? "chat.held_released" : "chat.held_kept", "conversation", held.ConversationId, held.Rules);
            if (!command.Release)
            {
                await db.SaveChangesAsync(ct);
                return Done.Value;
            }
            var conversation = await chat.Conversations.FirstAsync(c => c.Id == held.ConversationId, ct);
            if (conversation.BlockedBy is not null) return Error.Refused(ChatErrors.Blocked);
            await chat.NumberAndDeliverAsync(conversation, new ChatMessage
            {
                ConversationId = conversation.Id, Side = held.Side, SenderUserId = held.SenderUserId, Kind = ChatMessageKind.Text,
                Text = held.Text, SentAt = chat.Now, Flags = held.Rules,
            }, ct);
            return Done.Value;
        }
    }
}

/// <summary>An operator closes a chat report with a note (what was done, e.g. the complaint it became); it is in the service log.</summary>
public static class CloseChatReport
{
    public sealed record Command(long Id, string? Note) : IUseCase<Done>;

    public sealed class Handler(ComplianceRules rules, AppDbContext db, ChatService chat, ServiceLog log) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Done>();
            var note = (command.Note ?? "").Trim();
            if (note.Length == 0) return Error.Invalid("note", ChatErrors.ReasonRequired);
            if (note.Length > ReportConversation.MaxReason) return Error.Invalid("note", ChatErrors.TooLong, ReportConversation.MaxReason);
            var report = await db.Set<ChatReport>().FirstOrDefaultAsync(r => r.Id == command.Id && r.HandledAt == null, ct);
            if (report is null) return Error.NotFound(ChatErrors.NotFound, command.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            report.HandledAt = chat.Now;
            report.HandledByUserId = op.Value.UserId;
            report.HandlingNote = note;
            log.Write(op.Value.UserId, "chat.report_closed", "conversation", report.ConversationId, note);
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
    }
}
