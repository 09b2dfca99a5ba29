using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.LiveRooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Live;

/// <summary>直播招聘: the rooms on air now, the upcoming ones (a seeker asks for a reminder, 订阅提醒) and the ended ones with their statistics.</summary>
[AllowAnonymous]
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }
    [TempData] public string? Notice { get; set; }

    public IReadOnlyList<LiveRoomListItem> Rooms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListLiveRooms.Query(), ct);
        if (list.Succeeded) Rooms = list.Value;
    }

    public async Task<IActionResult> OnPostSubscribeAsync(string id, bool subscribe, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var result = subscribe ? await useCases.RunAsync(new SubscribeToLiveRoom.Command(id), ct) : await useCases.RunAsync(new UnsubscribeFromLiveRoom.Command(id), ct);
        if (result.Succeeded) Notice = subscribe ? "已订阅，开播前会提醒您。" : "已取消订阅提醒。";
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
