using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A question screening held back in a live room, as the operators review it.</summary>
public sealed record HeldQuestionItem(long Id, string RoomId, string RoomTitle, string Text, IReadOnlyList<string> Rules, DateTime At);

/// <summary>The questions screening held back in live rooms and no operator has reviewed yet, oldest first (会话审核).</summary>
public static class ListHeldLiveQuestions
{
    public const int Limit = 200;

    public sealed record Query : IUseCase<IReadOnlyList<HeldQuestionItem>>;

    public sealed class Handler(ComplianceRules rules, LiveTalkService talk) : IUseCaseHandler<Query, IReadOnlyList<HeldQuestionItem>>
    {
        public async Task<Result<IReadOnlyList<HeldQuestionItem>>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<IReadOnlyList<HeldQuestionItem>>();
            var rows = await (from q in talk.Questions.AsNoTracking()
                              join r in talk.Live.Rooms.AsNoTracking() on q.RoomId equals r.Id
                              where q.HeldRules != null && q.ReviewedAt == null
                              orderby q.AskedAt, q.Id
                              select new { q.Id, q.RoomId, r.Title, q.Text, q.HeldRules, q.AskedAt }).Take(Limit).ToListAsync(ct);
            return rows.Select(q => new HeldQuestionItem(q.Id, q.RoomId, q.Title, q.Text, q.HeldRules!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                LiveRoomService.Utc(q.AskedAt))).ToList();
        }
    }
}

/// <summary>
/// An operator decides on a held question: screening was right (it stays hidden), or it held an innocent question, which then
/// shows in the room (broadcast while the room is on air) and counts in its statistics. Logged in the service log.
/// </summary>
public static class DecideHeldLiveQuestion
{
    public sealed record Command(long Id, bool Release) : IUseCase<Done>;

    public sealed class Handler(ComplianceRules rules, LiveTalkService talk, ServiceLog log) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Done>();
            var question = await talk.Questions.FirstOrDefaultAsync(q => q.Id == command.Id && q.HeldRules != null && q.ReviewedAt == null, ct);
            if (question is null) return Error.NotFound(LiveTalkErrors.QuestionNotFound, command.Id);
            var room = await talk.Live.Rooms.FirstAsync(r => r.Id == question.RoomId, ct);
            question.ReviewedAt = talk.Live.Now;
            question.ReviewedByUserId = op.Value.UserId;
            log.Write(op.Value.UserId, command.Release ? "live.question_released" : "live.question_kept", "live_room", room.Id, question.HeldRules);
            if (command.Release)
            {
                question.HeldRules = null;
                talk.Live.Record(room, LiveRoomActivityKinds.Question, question.AskerUserId);
            }
            await talk.Live.Db.SaveChangesAsync(ct);
            if (command.Release && room.Status == LiveRoomStatus.Live)
            {
                var names = await talk.MaskedNamesAsync([question.TalentId], ct);
                await talk.Live.PublishAsync(room, LiveTalkKinds.Question, LiveTalkService.View(question, names.GetValueOrDefault(question.TalentId, ""), false, false), ct);
            }
            return Done.Value;
        }
    }
}
