using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Chat;

/// <summary>The signed-in user's conversations (the seeker's, or all of the employer's), latest first, with unread counts.</summary>
public static class ListConversations
{
    public const int Limit = 200;

    public sealed record Query : IUseCase<IReadOnlyList<ConversationSummary>>;

    public sealed class Handler(ChatService chat, AppDbContext db, SharingService sharing) : IUseCaseHandler<Query, IReadOnlyList<ConversationSummary>>
    {
        public async Task<Result<IReadOnlyList<ConversationSummary>>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await chat.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<IReadOnlyList<ConversationSummary>>();
            var a = actor.Value;
            var side = a.IsEmployer ? ChatSide.Employer : ChatSide.Seeker;
            var rows = await chat.Conversations.AsNoTracking()
                .Where(c => side == ChatSide.Employer ? c.EmployerId == a.EmployerId : c.TalentId == a.TalentId)
                .OrderByDescending(c => c.LastMessageAt).Take(Limit).ToListAsync(ct);
            var ids = rows.Select(c => c.Id).ToList();
            var jobIds = rows.Select(c => c.JobId).Distinct().ToList();
            var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
                .Join(db.Employers, j => j.EmployerId, e => e.Id, (j, e) => new { j.Id, j.Title, Employer = e.Name })
                .ToDictionaryAsync(j => j.Id, ct);
            // The last delivered message of each conversation.
            var lastTexts = await chat.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId))
                .Join(chat.Conversations, m => new { m.ConversationId, m.Seq }, c => new { ConversationId = c.Id, Seq = c.LastSeq }, (m, c) => new { m.ConversationId, m.Text, m.Kind })
                .ToDictionaryAsync(m => m.ConversationId, ct);
            var names = side == ChatSide.Employer
                ? await sharing.NamesForEmployerAsync(a.EmployerId!, rows.Select(c => c.TalentId).Distinct().ToList(), ct)
                : [];
            return rows.Select(c =>
            {
                var job = jobs.GetValueOrDefault(c.JobId);
                var other = side == ChatSide.Employer ? names.GetValueOrDefault(c.TalentId, "") : job?.Employer ?? "";
                var last = lastTexts.GetValueOrDefault(c.Id);
                var read = side == ChatSide.Employer ? c.EmployerReadSeq : c.SeekerReadSeq;
                return new ConversationSummary(c.Id, c.JobId, job?.Title ?? "", job?.Employer ?? "", other,
                    last is null ? null : ChatService.KindName(last.Kind), last?.Text,
                    DateTime.SpecifyKind(c.LastMessageAt, DateTimeKind.Utc), c.LastSeq, (int)Math.Max(0, c.LastSeq - read), c.BlockedBy is not null);
            }).ToList();
        }
    }
}
