using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages;

/// <summary>站内消息: the signed-in user's notifications, newest first, with mark read and mark all read.</summary>
[Authorize]
public sealed class InboxModel(IUseCases useCases) : PageModel
{
    public const int PageSize = 50;

    public NotificationService.InboxPage View { get; private set; } = new([], 0, 0);
    [BindProperty(SupportsGet = true)] public bool UnreadOnly { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await useCases.RunAsync(new ListInbox.Query(UnreadOnly, 0, PageSize), ct);
        if (page.Succeeded) View = page.Value;
    }

    /// <summary>Marks the notification read and, when it has a link, follows it.</summary>
    public async Task<IActionResult> OnPostReadAsync(long id, bool open, CancellationToken ct)
    {
        var marked = await useCases.RunAsync(new MarkNotificationRead.Command(id), ct);
        if (!marked.Succeeded) return NotFound();
        if (open && marked.Value.Link is { } link && Url.IsLocalUrl(link)) return LocalRedirect(link);
        return RedirectToPage(new { UnreadOnly });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await useCases.RunAsync(new MarkAllNotificationsRead.Command(), ct);
        return RedirectToPage();
    }
}
