using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.LiveRooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Live;

/// <summary>
/// A room's questions and mic queue without script: the four talk partials rendered with the room's current questions, and
/// the handlers their forms post to (ask, upvote, request or withdraw the mic; the host answers, pins, hides, mutes and decides
/// mic requests). Each handler runs one use case and goes back to the room page, the host console or this page.
/// </summary>
[AllowAnonymous]
public sealed class TalkModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }
    [TempData] public string? Notice { get; set; }

    public LiveRoomState Room { get; private set; } = null!;
    public LiveTalkState Talk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string roomId, CancellationToken ct)
    {
        var room = await useCases.RunAsync(new GetLiveRoom.Query(roomId), ct);
        if (!room.Succeeded) return NotFound();
        var talk = await useCases.RunAsync(new GetLiveTalk.Query(roomId), ct);
        if (!talk.Succeeded) return NotFound();
        (Room, Talk) = (room.Value, talk.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(string roomId, string? text, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new AskLiveQuestion.Command(roomId, text), ct), "问题已发布。");

    public async Task<IActionResult> OnPostUpvoteAsync(string roomId, long questionId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new UpvoteLiveQuestion.Command(roomId, questionId), ct));

    public async Task<IActionResult> OnPostAnswerAsync(string roomId, long questionId, string? text, bool pin, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new AnswerLiveQuestion.Command(roomId, questionId, text, pin), ct), "回答已发布。");

    public async Task<IActionResult> OnPostPinAsync(string roomId, long questionId, bool pinned, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new PinLiveAnswer.Command(roomId, questionId, pinned), ct));

    public async Task<IActionResult> OnPostHideAsync(string roomId, long questionId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new HideLiveQuestion.Command(roomId, questionId), ct), "问题已隐藏。");

    public async Task<IActionResult> OnPostMuteAsync(string roomId, string? userId, bool muted, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new MuteInLiveRoom.Command(roomId, userId, muted), ct), muted ? "已禁言该用户。" : "已解除禁言。");

    public async Task<IActionResult> OnPostRequestMicAsync(string roomId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new RequestLiveMic.Command(roomId), ct), "已申请连麦，请等待主播接通。");

    public async Task<IActionResult> OnPostWithdrawMicAsync(string roomId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new WithdrawLiveMic.Command(roomId), ct), "已取消连麦。");

    public async Task<IActionResult> OnPostAcceptMicAsync(string roomId, long requestId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new AcceptLiveMic.Command(roomId, requestId), ct), "已接通连麦。");

    public async Task<IActionResult> OnPostEndMicAsync(string roomId, long requestId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new EndLiveMic.Command(roomId, requestId), ct), "连麦已结束。");

    public async Task<IActionResult> OnPostDeclineMicAsync(string roomId, long requestId, string? back, CancellationToken ct) =>
        Back(roomId, back, await useCases.RunAsync(new DeclineLiveMic.Command(roomId, requestId), ct), "已拒绝该连麦申请。");

    /// <summary>Back to where the form was: the room page, the host console, or this page (which shows the outcome).</summary>
    private IActionResult Back<T>(string roomId, string? back, Result<T> result, string? notice = null)
    {
        if (result.FailureKind == ErrorKind.NotFound && result.HasError(LiveRoomErrors.NotFound)) return NotFound();
        if (result.Succeeded) Notice = notice;
        else Problem = ErrorText.For(result.Errors[0]);
        return back switch
        {
            "room" => Redirect($"/Live/{Uri.EscapeDataString(roomId)}"),
            "manage" => Redirect($"/Live/Manage/{Uri.EscapeDataString(roomId)}"),
            _ => RedirectToPage(new { roomId }),
        };
    }
}
