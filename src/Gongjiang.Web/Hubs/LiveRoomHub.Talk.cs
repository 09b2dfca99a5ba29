using Gongjiang.Application.Common.Results;
using Gongjiang.Application.LiveRooms;

namespace Gongjiang.Web.Hubs;

/// <summary>
/// The questions, moderation and mic (连麦) methods of the live-room hub (docs/formats.md, "Live room hub"). Sends (asking,
/// upvoting, answering, requesting the mic) spend the connection's send budget and answer <c>live.sending_too_fast</c> when it
/// is spent; every refusal is a <see cref="HubReply{T}"/>, never a disconnect.
/// </summary>
public sealed partial class LiveRoomHub
{
    /// <summary>The questions and the mic as this user sees them now: pinned answers, recent questions, my queue place, muted?; the host gets the queue.</summary>
    public Task<HubReply<LiveTalkState>> Talk(string roomId) => RunAsync(new GetLiveTalk.Query(roomId));

    /// <summary>A signed-in seeker asks a question (screened; a held one is refused with <c>live.held</c>).</summary>
    public async Task<HubReply<LiveQuestionView>> Ask(string roomId, string text) =>
        TrySpendSend() ? await RunAsync(new AskLiveQuestion.Command(roomId, text)) : TooFast<LiveQuestionView>();

    /// <summary>Upvotes a question, once per user.</summary>
    public async Task<HubReply<LiveQuestionView>> Upvote(string roomId, long questionId) =>
        TrySpendSend() ? await RunAsync(new UpvoteLiveQuestion.Command(roomId, questionId)) : TooFast<LiveQuestionView>();

    /// <summary>The host answers a question, pinned or not.</summary>
    public async Task<HubReply<LiveQuestionView>> Answer(string roomId, long questionId, string text, bool pin) =>
        TrySpendSend() ? await RunAsync(new AnswerLiveQuestion.Command(roomId, questionId, text, pin)) : TooFast<LiveQuestionView>();

    /// <summary>The host pins or unpins an answer.</summary>
    public Task<HubReply<LiveQuestionView>> Pin(string roomId, long questionId, bool pinned) =>
        RunAsync(new PinLiveAnswer.Command(roomId, questionId, pinned));

    /// <summary>The host hides a question.</summary>
    public Task<HubReply<Done>> Hide(string roomId, long questionId) => RunAsync(new HideLiveQuestion.Command(roomId, questionId));

    /// <summary>The host mutes (or unmutes) a user who spoke in the room.</summary>
    public Task<HubReply<Done>> Mute(string roomId, string userId, bool muted) => RunAsync(new MuteInLiveRoom.Command(roomId, userId, muted));

    /// <summary>A verified seeker asks to join the mic; answers the place in the queue.</summary>
    public async Task<HubReply<LiveMicTurn>> RequestMic(string roomId) =>
        TrySpendSend() ? await RunAsync(new RequestLiveMic.Command(roomId)) : TooFast<LiveMicTurn>();

    /// <summary>The requester leaves the queue, or hangs up while on the mic.</summary>
    public Task<HubReply<Done>> WithdrawMic(string roomId) => RunAsync(new WithdrawLiveMic.Command(roomId));

    /// <summary>The host takes a requester on the mic.</summary>
    public Task<HubReply<LiveMicGuestView>> AcceptMic(string roomId, long requestId) => RunAsync(new AcceptLiveMic.Command(roomId, requestId));

    /// <summary>The host ends a mic link; answers its seconds.</summary>
    public Task<HubReply<long>> EndMic(string roomId, long requestId) => RunAsync(new EndLiveMic.Command(roomId, requestId));

    /// <summary>The host declines a waiting request.</summary>
    public Task<HubReply<Done>> DeclineMic(string roomId, long requestId) => RunAsync(new DeclineLiveMic.Command(roomId, requestId));

    /// <summary>The refusal a spent send budget answers with in a room.</summary>
}
