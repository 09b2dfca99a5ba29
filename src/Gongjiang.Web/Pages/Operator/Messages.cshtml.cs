using Gongjiang.Application.Chat;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The chat review (会话审核): messages screening held back, and reports of one side by the other.</summary>
public sealed class MessagesModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public ChatReviewItems Review { get; private set; } = new([], []);
    public IReadOnlyList<Application.LiveRooms.HeldQuestionItem> HeldQuestions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var review = await useCases.RunAsync(new ListChatReview.Query(), ct);
        if (review.Succeeded) Review = review.Value;
        var questions = await useCases.RunAsync(new Application.LiveRooms.ListHeldLiveQuestions.Query(), ct);
        if (questions.Succeeded) HeldQuestions = questions.Value;
    }

    public async Task<IActionResult> OnPostQuestionAsync(long id, string? decision, CancellationToken ct)
    {
        if (decision is not ("keep" or "release")) return BadRequest();
        var result = await useCases.RunAsync(new Application.LiveRooms.DecideHeldLiveQuestion.Command(id, decision == "release"), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = decision == "release" ? "已放行，提问已在直播间显示。" : "已确认拦截，提问不会显示。";
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostHeldAsync(long id, string? decision, CancellationToken ct)
    {
        if (decision is not ("keep" or "release")) return BadRequest();
        var result = await useCases.RunAsync(new DecideHeldMessage.Command(id, decision == "release"), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = decision == "release" ? "已放行，消息已送达对方。" : "已确认拦截，消息不会送达。";
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReportAsync(long id, string? note, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new CloseChatReport.Command(id, note), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = "举报已处理。";
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
