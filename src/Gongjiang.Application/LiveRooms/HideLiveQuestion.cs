using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>The host hides a question (and its answer) from the room; everyone's clients drop it on a <c>question_hidden</c> broadcast.</summary>
public static class HideLiveQuestion
{
    public sealed record Command(string? RoomId, long QuestionId) : IUseCase<Done>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<Done>();
            var question = await talk.VisibleQuestionAsync(host.Value.Room, command.QuestionId, ct);
            if (!question.Succeeded) return question.Cast<Done>();
            question.Value.HiddenAt = talk.Live.Now;
            question.Value.HiddenByUserId = host.Value.Actor.UserId;
            question.Value.Pinned = false;
            await talk.Live.Db.SaveChangesAsync(ct);
            await talk.Live.PublishAsync(host.Value.Room, LiveTalkKinds.QuestionHidden, new { questionId = command.QuestionId }, ct);
            return Done.Value;
        }
    }
}
