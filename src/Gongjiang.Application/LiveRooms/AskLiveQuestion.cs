using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// A signed-in seeker asks a question in a room (not muted there, the room not over). Screening with the posting rules holds a
/// question with contact data or fee bait: it is not shown, the asker is told why (<c>live.held</c>) and it is kept for
/// review. A shown question reaches everyone as a <c>question</c> broadcast and counts in the room's statistics.
/// </summary>
public static class AskLiveQuestion
{
    public sealed record Command(string? RoomId, string? Text) : IUseCase<LiveQuestionView>;

    public sealed class Handler(LiveTalkService talk) : IUseCaseHandler<Command, LiveQuestionView>
    {
        public async Task<Result<LiveQuestionView>> HandleAsync(Command command, CancellationToken ct)
        {
            var speaker = await talk.SpeakerAsync(command.RoomId, ct);
            if (!speaker.Succeeded) return speaker.Cast<LiveQuestionView>();
            var text = talk.Live.Text(command.Text);
            if (!text.Succeeded) return text.Cast<LiveQuestionView>();
            var (seeker, room) = (speaker.Value.Seeker, speaker.Value.Room);
            var holding = talk.HoldingRules(text.Value);
            var question = new LiveRoomQuestion
            {
                RoomId = room.Id, AskerUserId = seeker.UserId, TalentId = seeker.TalentId!, Text = text.Value, AskedAt = talk.Live.Now,
                HeldRules = holding.Count == 0 ? null : string.Join(',', holding),
            };
            talk.Questions.Add(question);
            if (holding.Count > 0)
            {
                await talk.Live.Db.SaveChangesAsync(ct);
                return LiveTalkService.Held(holding);
            }
            talk.Live.Record(room, LiveRoomActivityKinds.Question, seeker.UserId);
            await talk.Live.Db.SaveChangesAsync(ct);
            var names = await talk.MaskedNamesAsync([question.TalentId], ct);
            var view = LiveTalkService.View(question, names.GetValueOrDefault(question.TalentId, ""), false, false);
            await talk.Live.PublishAsync(room, LiveTalkKinds.Question, view, ct);
            return view;
        }
    }
}
