using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A signed-in user upvotes a shown question, once; everyone hears the new count as an <c>upvotes</c> broadcast.</summary>
public static class UpvoteLiveQuestion
{
    public sealed record Command(string? RoomId, long QuestionId) : IUseCase<LiveQuestionView>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, LiveQuestionView>
    {
        public async Task<Result<LiveQuestionView>> HandleAsync(Command command, CancellationToken ct)
        {
            var room = await talk.Live.RoomAsync(command.RoomId, ct);
            if (!room.Succeeded) return room.Cast<LiveQuestionView>();
            var actor = await talk.Live.ActorAsync(ct);
            if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
            var question = await talk.VisibleQuestionAsync(room.Value, command.QuestionId, ct);
            if (!question.Succeeded) return question.Cast<LiveQuestionView>();
            var votes = talk.Live.Db.Set<LiveRoomUpvote>();
            if (await votes.AnyAsync(v => v.QuestionId == command.QuestionId && v.UserId == actor.UserId, ct))
                return Error.Conflict(LiveTalkErrors.AlreadyUpvoted);
            votes.Add(new LiveRoomUpvote { QuestionId = command.QuestionId, UserId = actor.UserId, At = talk.Live.Now });
            try
            {
                await talk.Live.Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same user's other tab upvoted at the same moment (one upvote per user is a unique index).
                return Error.Conflict(LiveTalkErrors.AlreadyUpvoted);
            }
            await talk.Questions.Where(q => q.Id == command.QuestionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Upvotes, q => q.Upvotes + 1), ct);
            await talk.Live.Db.Entry(question.Value).ReloadAsync(ct);
            var q = question.Value;
            await talk.Live.PublishAsync(room.Value, LiveTalkKinds.Upvotes, new { questionId = q.Id, upvotes = q.Upvotes }, ct);
            var names = await talk.MaskedNamesAsync([q.TalentId], ct);
            return LiveTalkService.View(q, names.GetValueOrDefault(q.TalentId, ""), true, false);
        }
    }
}
