using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The host answers a shown question, optionally pinning it above the rest. The answer is screened like every message in the
/// room (contact data and fee bait are held), reaches everyone as an <c>answer</c> broadcast and counts in the statistics.
/// Answering again replaces the answer (and is not counted twice).
/// </summary>
public static class AnswerLiveQuestion
{
    public sealed record Command(string? RoomId, long QuestionId, string? Text, bool Pin) : IUseCase<LiveQuestionView>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, LiveQuestionView>
    {
        public async Task<Result<LiveQuestionView>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveQuestionView>();
            var room = host.Value.Room;
            if (room.Status is LiveRoomStatus.Ended or LiveRoomStatus.Cancelled) return Error.Refused(LiveRoomErrors.Ended);
            var text = talk.Live.Text(command.Text);
            if (!text.Succeeded) return text.Cast<LiveQuestionView>();
            var holding = talk.HoldingRules(text.Value);
            if (holding.Count > 0) return LiveTalkService.Held(holding);
            var question = await talk.VisibleQuestionAsync(room, command.QuestionId, ct);
            if (!question.Succeeded) return question.Cast<LiveQuestionView>();
            var q = question.Value;
            if (q.Answer is null) talk.Live.Record(room, LiveRoomActivityKinds.Answer, q.AskerUserId);
            q.Answer = text.Value;
            q.AnsweredAt = talk.Live.Now;
            q.AnsweredByUserId = host.Value.Actor.UserId;
            q.Pinned = command.Pin;
            await talk.Live.Db.SaveChangesAsync(ct);
            return await LiveAnswers.PublishAsync(talk, room, q, ct);
        }
    }
}

/// <summary>The host pins an answered question above the rest, or unpins it; everyone hears it as an <c>answer</c> broadcast.</summary>
public static class PinLiveAnswer
{
    public sealed record Command(string? RoomId, long QuestionId, bool Pinned) : IUseCase<LiveQuestionView>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, LiveQuestionView>
    {
        public async Task<Result<LiveQuestionView>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await talk.Live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveQuestionView>();
            var question = await talk.VisibleQuestionAsync(host.Value.Room, command.QuestionId, ct);
            if (!question.Succeeded) return question.Cast<LiveQuestionView>();
            if (question.Value.Answer is null) return Error.Refused(LiveTalkErrors.NotAnswered);
            question.Value.Pinned = command.Pinned;
            await talk.Live.Db.SaveChangesAsync(ct);
            return await LiveAnswers.PublishAsync(talk, host.Value.Room, question.Value, ct);
        }
    }
}

internal static class LiveAnswers
{
    public static async Task<LiveQuestionView> PublishAsync(LiveTalkService talk, LiveRoom room, LiveRoomQuestion q, CancellationToken ct)
    {
        var names = await talk.MaskedNamesAsync([q.TalentId], ct);
        var view = LiveTalkService.View(q, names.GetValueOrDefault(q.TalentId, ""), false, false);
        await talk.Live.PublishAsync(room, LiveTalkKinds.Answer, view, ct);
        return view;
    }
}
