using System.Security.Claims;
using Gongjiang.Application.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages;

/// <summary>站内消息: the signed-in user's notifications, newest first, with mark read and mark all read.</summary>
[Authorize]
public sealed class InboxModel(NotificationService inbox) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public int Unread { get; private set; }
    public int Total { get; private set; }
    [BindProperty(SupportsGet = true)] public bool UnreadOnly { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await inbox.InboxAsync(UserId, UnreadOnly, 0, PageSize, ct);
        (Items, Unread, Total) = (page.Items, page.Unread, page.Total);
    }

    /// <summary>Marks the notification read and, when it has a link, follows it.</summary>
    public async Task<IActionResult> OnPostReadAsync(long id, bool open, CancellationToken ct)
    {
        var notification = await inbox.MarkReadAsync(UserId, id, ct);
        if (notification is null) return NotFound();
        if (open && notification.Link is { } link && Url.IsLocalUrl(link)) return LocalRedirect(link);
        return RedirectToPage(new { UnreadOnly });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(UserId, ct);
        return RedirectToPage();
    }
}
