using Gongjiang.Application.Common;
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

/// <summary>The host's rooms and the form to schedule one: HR choose among their own open jobs; operators schedule government rooms naming any open jobs.</summary>
[Authorize(Roles = Roles.EmployerHR + "," + Roles.Agency + "," + Roles.Operator + "," + Roles.Admin)]
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }

    public IReadOnlyList<LiveRoomSummary> Rooms { get; private set; } = [];
    public IReadOnlyList<JobPosting> OwnJobs { get; private set; } = [];
    public bool Operator => User.IsInRole(Roles.Operator) || User.IsInRole(Roles.Admin);
    [BindProperty] public RoomForm Form { get; set; } = new();
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        var d = Form.Details();
        var scheduled = await useCases.RunAsync(new ScheduleLiveRoom.Command(d.Title, d.HostName, d.Description, d.StreamUrl, d.MicRoomUrl,
            d.StartsAt, d.EndsAt, d.JobIds), ct);
        if (scheduled.Succeeded) return RedirectToPage("/Live/Manage/Console", new { id = scheduled.Value.Id });
        Errors = scheduled.Errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rooms = await useCases.RunAsync(new ListMyLiveRooms.Query(), ct);
        if (rooms.Succeeded) Rooms = rooms.Value;
        if (User.IsInRole(Roles.EmployerHR) || User.IsInRole(Roles.Agency))
        {
            var jobs = await useCases.RunAsync(new ListOwnJobs.Query(JobStatus.Open, null, 1, 100), ct);
            if (jobs.Succeeded) OwnJobs = jobs.Value.Items;
        }
    }
}

/// <summary>A room's details as the schedule and edit forms post them; times in China time (datetime-local).</summary>
public sealed class RoomForm
{
    public string? Title { get; set; }
    public string? HostName { get; set; }
    public string? Description { get; set; }
    public string? StreamUrl { get; set; }
    public string? MicRoomUrl { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public List<string> JobIds { get; set; } = [];
    /// <summary>Job ids typed by an operator, separated by spaces, commas or new lines.</summary>
    public string? JobIdText { get; set; }

    public LiveRoomDetails Details() => new(Title, HostName, Description, StreamUrl, MicRoomUrl, Utc(StartsAt), Utc(EndsAt),
        JobIds.Concat((JobIdText ?? "").Split([' ', ',', '，', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList());

    public static RoomForm From(LiveRoomState state, string? micRoomUrl) => new()
    {
        Title = state.Room.Title, HostName = state.Room.HostName, Description = state.Description, StreamUrl = state.StreamUrl, MicRoomUrl = micRoomUrl,
        StartsAt = Local(state.Room.StartsAt), EndsAt = Local(state.Room.EndsAt), JobIds = state.Jobs.Select(j => j.JobId).ToList(),
    };

    private static DateTime? Utc(DateTime? china) => china is { } local ? DateTime.SpecifyKind(local - DailyQuota.ChinaOffset, DateTimeKind.Utc) : null;
    private static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc + DailyQuota.ChinaOffset, DateTimeKind.Unspecified);
}

/// <summary>What the room form's fields show: the values, the host's own open jobs to choose from (HR), and whether job ids are typed (operators).</summary>
public sealed record RoomFields(RoomForm Form, IReadOnlyList<JobPosting> OwnJobs, bool TypedJobIds);
