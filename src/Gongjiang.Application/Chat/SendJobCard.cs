using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Chat;

/// <summary>HR sends a card of one of its employer's open jobs (the conversation's job when none is named).</summary>
public static class SendJobCard
{
    public sealed record Command(string? ConversationId, string? JobId = null) : IUseCase<ChatMessageView>;

    public sealed class Handler(ChatService chat, AppDbContext db) : IUseCaseHandler<Command, ChatMessageView>
    {
        public async Task<Result<ChatMessageView>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<ChatMessageView>();
            if (!who.Value.IsEmployer) return Error.Forbidden(ChatErrors.EmployerOnly);
            var jobId = string.IsNullOrWhiteSpace(command.JobId) ? who.Value.Conversation.JobId : command.JobId.Trim();
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.EmployerId == who.Value.Conversation.EmployerId, ct);
            if (job is null) return Error.NotFound(Jobs.JobErrors.NotFound, jobId);
            if (!job.IsOpenOn(DateOnly.FromDateTime(chat.Now))) return Error.Refused(ChatErrors.JobNotOpen);
            var sent = await chat.SendAsync(who.Value, ChatMessageKind.JobCard, "", jobId: job.Id, ct: ct);
            return sent.Succeeded ? sent.Value.Message! : sent.Cast<ChatMessageView>();
        }
    }
}
