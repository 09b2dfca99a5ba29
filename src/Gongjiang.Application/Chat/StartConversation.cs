using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Chat;

/// <summary>
/// Opens the conversation about a job (立即沟通), or returns the one already open: a seeker about an open job; HR of the
/// job's employer with a seeker who shared a profile with it (applied, or in the shared pool). Each HR user opens at most
/// <see cref="ChatOptions.DailyNewConversationsPerHr"/> new conversations a day.
/// </summary>
public static class StartConversation
{
    /// <param name="TalentId">HR only: the seeker to talk to.</param>
    public sealed record Command(string? JobId, string? TalentId = null) : IUseCase<Conversation>;

    public sealed class Handler(ChatService chat, AppDbContext db, SharingService sharing, TimeProvider clock) : IUseCaseHandler<Command, Conversation>
    {
        public async Task<Result<Conversation>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await chat.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<Conversation>();
            if (string.IsNullOrWhiteSpace(command.JobId)) return Error.Invalid("jobId", InputErrors.Required);
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == command.JobId, ct);
            var a = actor.Value;
            string talentId;
            if (a.IsEmployer)
            {
                if (job is null || job.EmployerId != a.EmployerId) return Error.NotFound(Jobs.JobErrors.NotFound, command.JobId);
                if (string.IsNullOrWhiteSpace(command.TalentId)) return Error.Invalid("talentId", InputErrors.Required);
                talentId = command.TalentId.Trim();
                if (await sharing.AccessAsync(Viewer.Of(a), talentId, ct) is null) return Error.Refused(ChatErrors.TalentNotShared);
            }
            else
            {
                if (job is null) return Error.NotFound(Jobs.JobErrors.NotFound, command.JobId);
                talentId = a.TalentId!;
            }

            var existing = await chat.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.JobId == job.Id && c.TalentId == talentId, ct);
            if (existing is not null) return existing;
            if (!job.IsOpenOn(DateOnly.FromDateTime(chat.Now))) return Error.Refused(ChatErrors.JobNotOpen);
            if (a.IsEmployer)
            {
                var limit = chat.Options.DailyNewConversationsPerHr;
                var since = DailyQuota.DayStartUtc(chat.Now);
                if (await chat.Conversations.CountAsync(c => c.StartedByUserId == a.UserId && c.StartedBy == ChatSide.Employer && c.CreatedAt >= since, ct) >= limit)
                    return Error.TooMany(ChatErrors.DailyLimit, limit);
            }
            var conversation = new Conversation
            {
                Id = ChatService.NewId(clock), TalentId = talentId, EmployerId = job.EmployerId, JobId = job.Id, StartedByUserId = a.UserId,
                StartedBy = a.IsEmployer ? ChatSide.Employer : ChatSide.Seeker, CreatedAt = chat.Now, LastMessageAt = chat.Now, Version = Guid.NewGuid(),
            };
            db.Add(conversation);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Both sides opened it at once: the unique (job, talent) index kept one.
                db.ChangeTracker.Clear();
                return await chat.Conversations.AsNoTracking().FirstAsync(c => c.JobId == job.Id && c.TalentId == talentId, ct);
            }
            return conversation;
        }
    }
}
