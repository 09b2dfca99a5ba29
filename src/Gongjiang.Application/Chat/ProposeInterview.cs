using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Chat;

/// <summary>
/// HR proposes an interview time for the seeker's application to the conversation's job (the interview use case, which
/// notifies) and the conversation shows it. Without an application HR is asked to invite first.
/// </summary>
public static class ProposeInterview
{
    public sealed record Command(string? ConversationId, DateTime? StartsAt, string? Place, string? OnlineLink = null) : IUseCase<ChatMessageView>;

    public sealed class Handler(ChatService chat, AppDbContext db, IUseCases useCases) : IUseCaseHandler<Command, ChatMessageView>
    {
        public async Task<Result<ChatMessageView>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<ChatMessageView>();
            if (!who.Value.IsEmployer) return Error.Forbidden(ChatErrors.EmployerOnly);
            var c = who.Value.Conversation;
            if (c.BlockedBy is not null) return Error.Refused(ChatErrors.Blocked);
            var applicationId = await db.Applications.AsNoTracking()
                .Where(a => a.JobId == c.JobId && a.TalentId == c.TalentId && a.EmployerId == c.EmployerId)
                .Select(a => a.Id).FirstOrDefaultAsync(ct);
            if (applicationId is null) return Error.Refused(ChatErrors.NoApplication);
            var scheduled = await useCases.RunAsync(new Recruiting.ScheduleInterview.Command(applicationId, command.StartsAt, command.Place, command.OnlineLink, null), ct);
            if (!scheduled.Succeeded) return scheduled.Cast<ChatMessageView>();
            var sent = await chat.SendAsync(who.Value, ChatMessageKind.Interview, command.Place, jobId: c.JobId, referenceId: applicationId,
                at: DateTime.SpecifyKind(command.StartsAt!.Value, DateTimeKind.Utc), ct: ct);
            return sent.Succeeded && sent.Value.Message is { } m ? m : sent.Cast<ChatMessageView>();
        }
    }
}
