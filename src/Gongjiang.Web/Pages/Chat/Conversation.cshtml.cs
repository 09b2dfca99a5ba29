using Gongjiang.Application.Chat;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Chat;

/// <summary>
/// One conversation: the messages, a send box (a form post without JavaScript, live over the chat hub with it), HR's job card,
/// invitation to apply and interview time, and block and report for both sides. Opening it marks the messages read.
/// </summary>
[Authorize(Roles = Roles.Seeker + "," + Roles.EmployerHR + "," + Roles.Agency)]
public sealed class ConversationModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }
    [TempData] public string? Draft { get; set; }
    [TempData] public string? Notice { get; set; }

    public ConversationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var view = await useCases.RunAsync(new GetConversation.Query(id), ct);
        if (!view.Succeeded) return NotFound();
        View = view.Value;
        if (View.LastSeq > View.MyReadSeq) await useCases.RunAsync(new MarkConversationRead.Command(id, View.LastSeq), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string id, string? text, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new SendMessage.Command(id, text), ct), draft: text);

    public async Task<IActionResult> OnPostJobCardAsync(string id, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new SendJobCard.Command(id), ct));

    public async Task<IActionResult> OnPostInviteAsync(string id, string? message, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new InviteFromChat.Command(id, message), ct));

    /// <summary>The time is entered in China time (the form's datetime-local field).</summary>
    public async Task<IActionResult> OnPostInterviewAsync(string id, DateTime? startsAt, string? place, CancellationToken ct)
    {
        DateTime? utc = startsAt is { } local ? DateTime.SpecifyKind(local - DailyQuota.ChinaOffset, DateTimeKind.Utc) : null;
        return Back(id, await useCases.RunAsync(new ProposeInterview.Command(id, utc, place), ct));
    }

    public async Task<IActionResult> OnPostBlockAsync(string id, bool block, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new BlockConversation.Command(id, block), ct), notice: block ? "已屏蔽对方，双方均无法再发送消息。" : "已解除屏蔽。");

    public async Task<IActionResult> OnPostReportAsync(string id, string? reason, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new ReportConversation.Command(id, reason), ct), notice: "举报已提交，平台将尽快处理。");

    private IActionResult Back<T>(string id, Result<T> result, string? draft = null, string? notice = null)
    {
        if (result.FailureKind == ErrorKind.NotFound && result.HasError(ChatErrors.NotFound)) return NotFound();
        if (result.Succeeded) Notice = notice;
        else
        {
            Problem = ErrorText.For(result.Errors[0]);
            Draft = draft;
        }
        return RedirectToPage(new { id });
    }
}
