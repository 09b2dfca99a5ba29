using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;

namespace Gongjiang.Application.Chat;

/// <summary>The participant has read up to a message number (the last one when none is given); the other side sees the receipt.</summary>
public static class MarkConversationRead
{
    public sealed record Command(string? ConversationId, long? UpToSeq = null) : IUseCase<long>;

    public sealed class Handler(ChatService chat, AppDbContext db) : IUseCaseHandler<Command, long>
    {
        public async Task<Result<long>> HandleAsync(Command command, CancellationToken ct)
        {
            var who = await chat.ParticipantAsync(command.ConversationId, ct);
            if (!who.Succeeded) return who.Cast<long>();
            var c = who.Value.Conversation;
            var seq = Math.Clamp(command.UpToSeq ?? c.LastSeq, 0, c.LastSeq);
            var current = who.Value.Side == ChatSide.Seeker ? c.SeekerReadSeq : c.EmployerReadSeq;
            if (seq <= current) return current;
            if (who.Value.Side == ChatSide.Seeker) c.SeekerReadSeq = seq; else c.EmployerReadSeq = seq;
            await db.SaveChangesAsync(ct);
            await chat.BroadcastReadAsync(who.Value, seq, ct);
            return seq;
        }
    }
}
