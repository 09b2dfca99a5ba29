using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// Live recruiting rooms (直播招聘): the list anyone sees, the hosts' rooms, scheduling and editing before the start, going on
/// air, ending and calling off, announcements, reminders for seekers, one-tap applications from a job card, and the host's
/// pushes to one viewer. The same use cases as the pages and the live hub (<c>/hubs/live</c>). A viewer calling a host route
/// answers 403 <c>live.host_only</c>.
/// </summary>
public static class LiveRoomsApi
{
    public static RouteGroupBuilder MapLiveRoomsApi(this RouteGroupBuilder v1)
    {
        string[] hosts = [Roles.EmployerHR, Roles.Agency, Roles.Operator, Roles.Admin];
        var rooms = v1.MapGroup("/live-rooms").WithTags("Live rooms");
        rooms.MapGet("", List).WithName("ListLiveRooms").AllowAnonymous()
            .WithSummary("Rooms on air, then scheduled ones by start, then ended ones (latest first); `subscribed` for the signed-in seeker");
        rooms.MapGet("/mine", Mine).WithName("ListMyLiveRooms").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("The rooms the signed-in HR, agency or operator hosts");
        rooms.MapPost("", Schedule).WithName("ScheduleLiveRoom").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("Schedule a room: title, host, description, stream URL (HLS or FLV, http/https), start and end (UTC), the jobs shown as cards");
        rooms.MapGet("/{id}", Get).WithName("GetLiveRoom").AllowAnonymous()
            .WithSummary("The room: its state (job cards with the pay shown, viewers, the caller's role) and, signed in, the pushes to the caller and what they applied to");
        rooms.MapPut("/{id}", Edit).WithName("EditLiveRoom").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("Change a room before it starts (every field; the job cards are replaced); 409 live.already_started after");
        rooms.MapPost("/{id}/start", Start).WithName("StartLiveRoom").RequireAuthorization(p => p.RequireRole(hosts)).WithSummary("Go on air (host only)");
        rooms.MapPost("/{id}/end", End).WithName("EndLiveRoom").RequireAuthorization(p => p.RequireRole(hosts)).WithSummary("End the room (host only)");
        rooms.MapPost("/{id}/cancel", Cancel).WithName("CancelLiveRoom").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("Call off a scheduled room (host only)");
        rooms.MapPost("/{id}/announcements", Announce).WithName("AnnounceInLiveRoom").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("Say something to everyone in a room on air (host only; at most 300 characters)");
        rooms.MapGet("/{id}/console", Console).WithName("GetLiveRoomConsole").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("The host's console: applications from the room, the seekers who may be pushed to (names masked), the pushes sent");
        rooms.MapPut("/{id}/subscription", Subscribe).WithName("SubscribeToLiveRoom").RequireAuthorization(p => p.RequireRole(Roles.Seeker))
            .WithSummary("Be reminded (inbox, and e-mail when there is an address) shortly before the room starts");
        rooms.MapDelete("/{id}/subscription", Unsubscribe).WithName("UnsubscribeFromLiveRoom").RequireAuthorization(p => p.RequireRole(Roles.Seeker))
            .WithSummary("No reminder for this room");
        rooms.MapPost("/{id}/applications", Apply).WithName("ApplyFromLiveRoom").RequireAuthorization(p => p.RequireRole(Roles.Seeker))
            .WithSummary("One tap: apply to one of the room's job cards while it is on air (409 recruiting.already_applied the second time)");
        rooms.MapPost("/{id}/pushes", Push).WithName("PushToLiveViewer").RequireAuthorization(p => p.RequireRole(hosts))
            .WithSummary("Push to one seeker in the room: `job_card`, `invitation` or `offer` (monthlyPay; outside the card's shown pay a payReason is required)");
        return v1;
    }

    public sealed record RoomRequest(string? Title, string? HostName, string? Description, string? StreamUrl, string? MicRoomUrl,
        DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<string>? JobIds);
    public sealed record TextRequest(string? Text);
    public sealed record ApplyRequest(string? JobId);
    public sealed record PushRequest(string? UserId, string? Kind, string? JobId, string? Message, int? MonthlyPay, string? PayReason);
    public sealed record SubscriptionResponse(bool Subscribed);

    private static async Task<Results<Ok<IReadOnlyList<LiveRoomListItem>>, ProblemHttpResult>> List(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListLiveRooms.Query(), ct)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<LiveRoomSummary>>, ProblemHttpResult>> Mine(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListMyLiveRooms.Query(), ct)).ToHttp();

    private static async Task<Results<Created<LiveRoomSummary>, ProblemHttpResult>> Schedule(RoomRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ScheduleLiveRoom.Command(body.Title, body.HostName, body.Description, body.StreamUrl, body.MicRoomUrl,
            body.StartsAt, body.EndsAt, body.JobIds), ct)).ToCreated(r => $"/api/v1/live-rooms/{r.Id}", r => r);

    private static async Task<Results<Ok<LiveRoomPage>, ProblemHttpResult>> Get(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetLiveRoomPage.Query(id), ct)).ToHttp();

    private static async Task<Results<Ok<LiveRoomSummary>, ProblemHttpResult>> Edit(string id, RoomRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new EditLiveRoom.Command(id, new LiveRoomDetails(body.Title, body.HostName, body.Description, body.StreamUrl,
            body.MicRoomUrl, body.StartsAt, body.EndsAt, body.JobIds)), ct)).ToHttp();

    private static async Task<Results<Ok<LiveRoomSummary>, ProblemHttpResult>> Start(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Live), ct)).ToHttp();

    private static async Task<Results<Ok<LiveRoomSummary>, ProblemHttpResult>> End(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Ended), ct)).ToHttp();

    private static async Task<Results<Ok<LiveRoomSummary>, ProblemHttpResult>> Cancel(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Cancelled), ct)).ToHttp();

    private static async Task<Results<Created<LiveRoomBroadcast>, ProblemHttpResult>> Announce(string id, TextRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnnounceInLiveRoom.Command(id, body.Text), ct)).ToCreated(_ => $"/api/v1/live-rooms/{id}", b => b);

    private static async Task<Results<Ok<LiveRoomConsole>, ProblemHttpResult>> Console(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetLiveRoomConsole.Query(id), ct)).ToHttp();

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Subscribe(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SubscribeToLiveRoom.Command(id), ct)).ToHttp(s => new SubscriptionResponse(s));

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Unsubscribe(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new UnsubscribeFromLiveRoom.Command(id), ct)).ToHttp(s => new SubscriptionResponse(s));

    private static async Task<Results<Created<ApplyFromLiveRoom.Applied>, ProblemHttpResult>> Apply(string id, ApplyRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ApplyFromLiveRoom.Command(id, body.JobId), ct)).ToCreated(a => $"/api/v1/applications/{a.ApplicationId}", a => a);

    private static async Task<Results<Created<LiveRoomPushView>, ProblemHttpResult>> Push(string id, PushRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new PushToLiveViewer.Command(id, body.UserId, body.Kind, body.JobId, body.Message, body.MonthlyPay, body.PayReason), ct))
            .ToCreated(_ => $"/api/v1/live-rooms/{id}", p => p);
}
