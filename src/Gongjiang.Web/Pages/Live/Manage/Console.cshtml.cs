using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Live.Manage;

/// <summary>
/// The host's console of one room: go on air, end or call off; edit before the start; announce; the applications arriving live;
/// push a job card, an invitation to apply or an offer card to one seeker watching or applying; the questions and mic-link
/// parts; statistics afterwards. Forms without JavaScript, live over /hubs/live with it.
/// </summary>
[Authorize(Roles = Roles.EmployerHR + "," + Roles.Agency + "," + Roles.Operator + "," + Roles.Admin)]
public sealed class ConsoleModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }
    [TempData] public string? Notice { get; set; }

    public LiveRoomConsole View { get; private set; } = null!;
    public IReadOnlyList<JobPosting> OwnJobs { get; private set; } = [];
    [BindProperty] public RoomForm Form { get; set; } = new();
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Form = RoomForm.From(View.State, View.MicRoomUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string id, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Live), ct), "直播已开始。");

    public async Task<IActionResult> OnPostEndAsync(string id, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Ended), ct), "直播已结束。");

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Cancelled), ct), "直播已取消。");

    public async Task<IActionResult> OnPostAnnounceAsync(string id, string? text, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new AnnounceInLiveRoom.Command(id, text), ct), "公告已发送。");

    public async Task<IActionResult> OnPostPushAsync(string id, string? userId, string? kind, string? jobId, string? message, int? monthlyPay,
        string? payReason, CancellationToken ct) =>
        Back(id, await useCases.RunAsync(new PushToLiveViewer.Command(id, userId, kind, jobId, message, monthlyPay, payReason), ct), "已推送。");

    public async Task<IActionResult> OnPostEditAsync(string id, CancellationToken ct)
    {
        var edited = await useCases.RunAsync(new EditLiveRoom.Command(id, Form.Details()), ct);
        if (edited.Succeeded || edited.FailureKind != ErrorKind.Invalid) return Back(id, edited, "直播信息已保存。");
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Errors = edited.Errors;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        var console = await useCases.RunAsync(new GetLiveRoomConsole.Query(id), ct);
        if (!console.Succeeded) return console.FailureKind == ErrorKind.NotFound ? NotFound() : Forbid();
        View = console.Value;
        if (View.State.Room.Status == "scheduled" && (User.IsInRole(Roles.EmployerHR) || User.IsInRole(Roles.Agency)))
        {
            var jobs = await useCases.RunAsync(new ListOwnJobs.Query(JobStatus.Open, null, 1, 100), ct);
            if (jobs.Succeeded) OwnJobs = jobs.Value.Items;
        }
        return null;
    }

    private IActionResult Back<T>(string id, Result<T> result, string notice)
    {
        if (result.FailureKind == ErrorKind.NotFound && result.HasError(LiveRoomErrors.NotFound)) return NotFound();
        if (result.FailureKind == ErrorKind.Forbidden) return Forbid();
        if (result.Succeeded) Notice = notice;
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { id });
    }
}
