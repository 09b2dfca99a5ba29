using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// The questions, moderation and mic queue (连麦) of a live room: the same use cases as the live-room hub (docs/formats.md,
/// "Live room hub"), for clients that do not hold a hub connection. Anyone reads a room's questions; asking and the mic need a
/// signed-in seeker (a muted one is refused 422 <c>live.muted</c>; a held question 422 <c>live.held</c> with the rules in
/// <c>rules</c>); answering, pinning, hiding, muting and deciding mic requests are the room's host's (others 403 <c>live.host_only</c>).
/// </summary>
public static class LiveTalkApi
{
    public static RouteGroupBuilder MapLiveTalkApi(this RouteGroupBuilder v1)
    {
        var room = v1.MapGroup("/live-rooms/{roomId}").WithTags("Live rooms");
        room.MapGet("/talk", Talk).WithName("GetLiveTalk").AllowAnonymous()
            .WithSummary("The room's pinned answers, recent questions with upvotes, who is on the mic, my queue place and whether I am muted; the host also gets the queue with profile summaries");
        var signedIn = room.MapGroup("").RequireAuthorization();
        signedIn.MapPost("/questions", Ask).WithName("AskLiveQuestion")
            .WithSummary("A signed-in seeker asks a question (at most 300 characters); contact data or fees hold it (422 live.held)");
        signedIn.MapPost("/questions/{questionId:long}/upvote", Upvote).WithName("UpvoteLiveQuestion")
            .WithSummary("Upvote a question, once per user (409 live.already_upvoted)");
        signedIn.MapPost("/questions/{questionId:long}/answer", Answer).WithName("AnswerLiveQuestion")
            .WithSummary("The host answers a question, pinned above the rest when `pin` is true");
        signedIn.MapPut("/questions/{questionId:long}/pin", Pin).WithName("PinLiveAnswer").WithSummary("The host pins an answered question");
        signedIn.MapDelete("/questions/{questionId:long}/pin", Unpin).WithName("UnpinLiveAnswer").WithSummary("The host unpins an answer");
        signedIn.MapPost("/questions/{questionId:long}/hide", Hide).WithName("HideLiveQuestion").WithSummary("The host hides a question from the room");
        signedIn.MapPut("/mutes/{userId}", Mute).WithName("MuteInLiveRoom")
            .WithSummary("The host mutes a user who asked or requested the mic in the room: no more questions or mic requests there");
        signedIn.MapDelete("/mutes/{userId}", Unmute).WithName("UnmuteInLiveRoom").WithSummary("The host lifts a mute");
        signedIn.MapPost("/mic", RequestMic).WithName("RequestLiveMic")
            .WithSummary("A verified seeker asks to join the mic (the room on air, one open request at a time); answers the place in the queue");
        signedIn.MapDelete("/mic", WithdrawMic).WithName("WithdrawLiveMic").WithSummary("Leave the mic queue, or hang up while on the mic");
        signedIn.MapPost("/mic/{requestId:long}/accept", AcceptMic).WithName("AcceptLiveMic")
            .WithSummary("The host takes a requester on the mic (one guest at a time): the guest is handed the room's RTC link");
        signedIn.MapPost("/mic/{requestId:long}/end", EndMic).WithName("EndLiveMic").WithSummary("The host ends the mic link; answers its seconds");
        signedIn.MapPost("/mic/{requestId:long}/decline", DeclineMic).WithName("DeclineLiveMic").WithSummary("The host declines a waiting request");
        return v1;
    }

    public sealed record TextRequest(string? Text);
    public sealed record AnswerRequest(string? Text, bool Pin);
    public sealed record MicLinkEnded(long Seconds);

    private static async Task<Results<Ok<LiveTalkState>, ProblemHttpResult>> Talk(string roomId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetLiveTalk.Query(roomId), ct)).ToHttp();

    private static async Task<Results<Created<LiveQuestionView>, ProblemHttpResult>> Ask(string roomId, TextRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AskLiveQuestion.Command(roomId, body.Text), ct)).ToCreated(_ => $"/api/v1/live-rooms/{roomId}/talk", q => q);

    private static async Task<Results<Ok<LiveQuestionView>, ProblemHttpResult>> Upvote(string roomId, long questionId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new UpvoteLiveQuestion.Command(roomId, questionId), ct)).ToHttp();

    private static async Task<Results<Ok<LiveQuestionView>, ProblemHttpResult>> Answer(string roomId, long questionId, AnswerRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerLiveQuestion.Command(roomId, questionId, body.Text, body.Pin), ct)).ToHttp();

    private static async Task<Results<Ok<LiveQuestionView>, ProblemHttpResult>> Pin(string roomId, long questionId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new PinLiveAnswer.Command(roomId, questionId, true), ct)).ToHttp();

    private static async Task<Results<Ok<LiveQuestionView>, ProblemHttpResult>> Unpin(string roomId, long questionId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new PinLiveAnswer.Command(roomId, questionId, false), ct)).ToHttp();

    private static async Task<Results<NoContent, ProblemHttpResult>> Hide(string roomId, long questionId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new HideLiveQuestion.Command(roomId, questionId), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> Mute(string roomId, string userId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MuteInLiveRoom.Command(roomId, userId, true), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> Unmute(string roomId, string userId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MuteInLiveRoom.Command(roomId, userId, false), ct)).ToNoContent();

    private static async Task<Results<Created<LiveMicTurn>, ProblemHttpResult>> RequestMic(string roomId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RequestLiveMic.Command(roomId), ct)).ToCreated(_ => $"/api/v1/live-rooms/{roomId}/talk", t => t);

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawMic(string roomId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new WithdrawLiveMic.Command(roomId), ct)).ToNoContent();

    private static async Task<Results<Ok<LiveMicGuestView>, ProblemHttpResult>> AcceptMic(string roomId, long requestId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AcceptLiveMic.Command(roomId, requestId), ct)).ToHttp();

    private static async Task<Results<Ok<MicLinkEnded>, ProblemHttpResult>> EndMic(string roomId, long requestId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new EndLiveMic.Command(roomId, requestId), ct)).ToHttp(s => new MicLinkEnded(s));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclineMic(string roomId, long requestId, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new DeclineLiveMic.Command(roomId, requestId), ct)).ToNoContent();
}
