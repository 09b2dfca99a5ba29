using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;

namespace Gongjiang.Application.Chat;

/// <summary>Either side blocks the other in this conversation: nothing more can be sent by anyone until the blocker unblocks.</summary>
public static class BlockConversation
{
    public sealed record Command(string? ConversationId, bool Block = true) : IUseCase<Done>;

    public sealed class Handler(ChatService chat, AppDbContext db) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<Done>();
            var c = who.Value.Conversation;
            if (command.Block && c.BlockedBy is null)
            {
                c.BlockedBy = who.Value.Side;
                c.BlockedAt = chat.Now;
            }
            else if (!command.Block && c.BlockedBy == who.Value.Side)
            {
                c.BlockedBy = null;
                c.BlockedAt = null;
            }
            c.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
    }
}
