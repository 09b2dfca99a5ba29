using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Chat;

/// <summary>
/// Sends a text message. Screening with the posting rules holds text with contact data (phone numbers, WeChat ids, links,
/// e-mail), fees or deposits, or any blocking finding: it is not delivered and the sender is told why (a Refused error
/// naming the rules); other findings are delivered with a flag.
/// </summary>
public static class SendMessage
{
    public sealed record Command(string? ConversationId, string? Text) : IUseCase<ChatMessageView>;

    public sealed class Handler(ChatService chat) : IUseCaseHandler<Command, ChatMessageView>
    {
        public async Task<Result<ChatMessageView>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<ChatMessageView>();
            var sent = await chat.SendAsync(who.Value, ChatMessageKind.Text, command.Text, ct: ct);
            if (!sent.Succeeded) return sent.Cast<ChatMessageView>();
            if (sent.Value.Held)
                return Error.Refused(ChatErrors.Held, string.Join("、", sent.Value.HeldBy.Select(Core.Compliance.ScreeningRules.ChineseName))) with
                {
                    Details = new Dictionary<string, object?> { ["rules"] = sent.Value.HeldBy },
                };
            return sent.Value.Message!;
        }
    }
}
