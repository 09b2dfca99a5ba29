using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Chat;

/// <summary>HR invites the seeker to apply to the conversation's job (the invitation use case, which notifies) and the conversation shows it.</summary>
public static class InviteFromChat
{
    public sealed record Command(string? ConversationId, string? Message = null) : IUseCase<ChatMessageView>;

    public sealed class Handler(ChatService chat, IUseCases useCases) : IUseCaseHandler<Command, ChatMessageView>
    {
        public async Task<Result<ChatMessageView>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<ChatMessageView>();
            if (!who.Value.IsEmployer) return Error.Forbidden(ChatErrors.EmployerOnly);
            if (who.Value.Conversation.BlockedBy is not null) return Error.Refused(ChatErrors.Blocked);
            var c = who.Value.Conversation;
            var invited = await useCases.RunAsync(new Recruiting.InviteTalent.Command(c.JobId, c.TalentId, command.Message), ct);
            if (!invited.Succeeded) return invited.Cast<ChatMessageView>();
            var sent = await chat.SendAsync(who.Value, ChatMessageKind.Invitation, invited.Value.Message, jobId: c.JobId, referenceId: invited.Value.Id, ct: ct);
            return sent.Succeeded && sent.Value.Message is { } m ? m : sent.Cast<ChatMessageView>();
        }
    }
}
