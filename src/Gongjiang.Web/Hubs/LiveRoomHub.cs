using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.LiveRooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Hubs;

/// <summary>
/// The live-room hub at <c>/hubs/live</c> (docs/formats.md, "Live room hub"). Anyone may join a room to watch, with the last
/// number it holds, and gets the room's state and what it missed; the server then pushes <c>room</c> (every broadcast, with
/// the room's number and the send time in ms) and <c>personal</c> (what is for this user only). Host methods are refused to
/// everyone but the room's host. Every method runs one live-room use case.
/// </summary>
[AllowAnonymous]
public sealed partial class LiveRoomHub(IUseCases useCases, IHttpContextAccessor http, IOptions<LiveHubOptions> options) : LiveHub(useCases, http, options)
{
    public const string Path = "/hubs/live";
    /// <summary>The cookie an anonymous browser is counted by (set by the room page).</summary>
    public const string ViewerCookie = "gj_viewer";
    private const string WatchingKey = "watching";

    public static string GroupOf(string roomId) => "live:" + roomId;

    protected override string SendingTooFastCode => LiveRoomErrors.SendingTooFast;

    private Dictionary<string, DateTime> Watching
    {
        get
        {
            if (Context.Items.TryGetValue(WatchingKey, out var held) && held is Dictionary<string, DateTime> rooms) return rooms;
            rooms = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            Context.Items[WatchingKey] = rooms;
            return rooms;
        }
    }

    /// <summary>Starts watching a room and returns its state with the broadcasts after <paramref name="afterSeq"/>.</summary>
    public async Task<HubReply<LiveRoomState>> Join(string roomId, long afterSeq)
    {
        var viewer = Context.GetHttpContext()?.Request.Cookies[ViewerCookie];
        // Joined to the group first, so nothing broadcast between the state and the group is missed (the client drops repeats by number).
        if (!string.IsNullOrEmpty(roomId) && roomId.Length <= 40)
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(roomId), Context.ConnectionAborted);
        var reply = await RunAsync(new WatchLiveRoom.Command(roomId, Context.ConnectionId, viewer, afterSeq));
        if (reply.Ok) Watching.TryAdd(roomId, DateTime.UtcNow);
        else if (!string.IsNullOrEmpty(roomId) && roomId.Length <= 40)
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(roomId), Context.ConnectionAborted);
        return reply;
    }

    /// <summary>Stops watching a room.</summary>
    public async Task Leave(string roomId)
    {
        if (string.IsNullOrEmpty(roomId) || !Watching.Remove(roomId, out var since)) return;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(roomId));
        await RunAsync(new StopWatchingLiveRoom.Command(roomId, Context.ConnectionId, since));
    }

    /// <summary>The host says something to everyone in the room.</summary>
    public async Task<HubReply<LiveRoomBroadcast>> Announce(string roomId, string text) =>
        TrySpendSend() ? await RunAsync(new AnnounceInLiveRoom.Command(roomId, text)) : TooFast<LiveRoomBroadcast>();

    /// <summary>The host goes on air.</summary>
    public Task<HubReply<LiveRoomSummary>> Start(string roomId) => RunAsync(new ChangeLiveRoomStatus.Command(roomId, LiveRoomStatus.Live));

    /// <summary>The host ends the room.</summary>
    public Task<HubReply<LiveRoomSummary>> End(string roomId) => RunAsync(new ChangeLiveRoomStatus.Command(roomId, LiveRoomStatus.Ended));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (roomId, since) in Watching)
            await RunAsync(new StopWatchingLiveRoom.Command(roomId, Context.ConnectionId, since));
        Watching.Clear();
        await base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Pushes a room's broadcasts to its group, and personal pushes to one user, on every node (through Redis when set).</summary>
public sealed class SignalRLiveRoomBroadcaster(IHubContext<LiveRoomHub> hub) : ILiveRoomBroadcaster
{
    public Task BroadcastAsync(LiveRoomBroadcast broadcast, CancellationToken ct = default) =>
        hub.Clients.Group(LiveRoomHub.GroupOf(broadcast.RoomId)).SendAsync("room", broadcast, ct);

    public Task ToUserAsync(string userId, string kind, object data, CancellationToken ct = default) =>
        hub.Clients.User(userId).SendAsync("personal", new PersonalPush(kind, System.Text.Json.JsonSerializer.Serialize(data, LiveRoomService.Json)), ct);
}

/// <summary>Something for one user only: its kind and its data as a JSON text.</summary>
public sealed record PersonalPush(string Kind, string Data);
