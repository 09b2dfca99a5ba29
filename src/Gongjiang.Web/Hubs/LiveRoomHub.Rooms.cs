using Gongjiang.Application.LiveRooms;

namespace Gongjiang.Web.Hubs;

/// <summary>The rooms' own hub methods: one-tap applications, pushes to one viewer, a viewer's own items and the host's console.</summary>
public sealed partial class LiveRoomHub
{
    /// <summary>A signed-in seeker applies to one of the room's job cards (or a job pushed to them there) in one tap.</summary>
    public async Task<HubReply<ApplyFromLiveRoom.Applied>> Apply(string roomId, string jobId) =>
        TrySpendSend() ? await RunAsync(new ApplyFromLiveRoom.Command(roomId, jobId)) : TooFast<ApplyFromLiveRoom.Applied>();

    /// <summary>The host pushes a job card, an invitation to apply or an offer card to one seeker in the room (host only).</summary>
    public async Task<HubReply<LiveRoomPushView>> Push(string roomId, string userId, string kind, string jobId, string? message, int? monthlyPay, string? payReason) =>
        TrySpendSend()
            ? await RunAsync(new PushToLiveViewer.Command(roomId, userId, kind, jobId, message, monthlyPay, payReason))
            : TooFast<LiveRoomPushView>();

    /// <summary>What is the caller's own in the room (pushes to them, jobs applied to, reminder): reloaded after every (re)join.</summary>
    public Task<HubReply<LiveRoomMine>> Mine(string roomId) => RunAsync(new GetMyLiveRoomItems.Query(roomId));

    /// <summary>The host's console: applications from the room, the seekers who may be pushed to, the pushes sent (host only).</summary>
    public Task<HubReply<LiveRoomConsole>> Console(string roomId) => RunAsync(new GetLiveRoomConsole.Query(roomId));
}
