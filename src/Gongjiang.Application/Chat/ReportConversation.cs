using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;

namespace Gongjiang.Application.Chat;

/// <summary>
/// Either side reports the other. A seeker's report files a complaint against the employer (the complaint service, with the
/// category, <c>fake_job</c> when none is given); HR's report is kept with the conversation for the operators.
/// </summary>
public static class ReportConversation
{
    public const int MaxReason = 500;

    public sealed record Command(string? ConversationId, string? Reason, string? Category = null) : IUseCase<ChatReport>;

    public sealed class Handler(ChatService chat, AppDbContext db, ComplaintService complaints) : IUseCaseHandler<Command, ChatReport>
    {
        public async Task<Result<ChatReport>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<ChatReport>();
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) return Error.Invalid("reason", ChatErrors.ReasonRequired);
            if (reason.Length > MaxReason) return Error.Invalid("reason", ChatErrors.TooLong, MaxReason);
            var category = ComplaintCategory.FakeJob;
            if (!string.IsNullOrWhiteSpace(command.Category) && !ComplaintCategories.TryParse(command.Category.Trim(), out category))
                return Error.Invalid("category", ComplianceErrors.UnknownCategory);
            var c = who.Value.Conversation;
            string? complaintId = null;
            if (who.Value.Side == ChatSide.Seeker)
            {
                var complaint = await complaints.ReportAsync(who.Value.Actor.UserId,
                    new ComplaintInput(null, c.EmployerId, category, reason, $"chat {c.Id}"), ct);
                if (!complaint.Succeeded) return complaint.Cast<ChatReport>();
                complaintId = complaint.Value.Id;
            }
            var report = new ChatReport
            {
                ConversationId = c.Id, Side = who.Value.Side, ReporterUserId = who.Value.Actor.UserId, Reason = reason, ComplaintId = complaintId, At = chat.Now,
            };
            db.Add(report);
            await db.SaveChangesAsync(ct);
            return report;
        }
    }
}
