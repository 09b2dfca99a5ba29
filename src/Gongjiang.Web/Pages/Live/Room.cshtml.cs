using System.Security.Cryptography;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Web.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Live;

/// <summary>
/// A live room (anyone watches): the player, the job cards with their pay and 一键申请, announcements, what the host pushed to
/// me, and the questions and mic-link parts. Everything is a form without JavaScript; with it the page is live over /hubs/live.
/// </summary>
[AllowAnonymous]
public sealed class RoomModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }
    [TempData] public string? Notice { get; set; }

    public LiveRoomPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var page = await useCases.RunAsync(new GetLiveRoomPage.Query(id), ct);
        if (!page.Succeeded) return NotFound();
        View = page.Value;
        if (!Request.Cookies.ContainsKey(LiveRoomHub.ViewerCookie))
            Response.Cookies.Append(LiveRoomHub.ViewerCookie, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true });
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string id, string? jobId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        return Back(id, await useCases.RunAsync(new ApplyFromLiveRoom.Command(id, jobId), ct), "已申请，企业会在招聘看板中看到您的申请。");
    }

    public async Task<IActionResult> OnPostSubscribeAsync(string id, bool subscribe, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        return subscribe
            ? Back(id, await useCases.RunAsync(new SubscribeToLiveRoom.Command(id), ct), "已订阅，开播前会提醒您。")
            : Back(id, await useCases.RunAsync(new UnsubscribeFromLiveRoom.Command(id), ct), "已取消订阅提醒。");
    }

    private IActionResult Back<T>(string id, Result<T> result, string notice)
    {
        if (result.FailureKind == ErrorKind.NotFound && result.HasError(LiveRoomErrors.NotFound)) return NotFound();
        if (result.Succeeded) Notice = notice;
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { id });
    }
}
