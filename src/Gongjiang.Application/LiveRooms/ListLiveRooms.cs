using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The rooms anyone may watch: on air first, then the scheduled ones by their start, then the ended ones, latest first (called-off
/// rooms are not listed). A signed-in seeker sees which ones they asked to be reminded of.
/// </summary>
public static class ListLiveRooms
{
    public sealed record Query(int Limit = 100) : IUseCase<IReadOnlyList<LiveRoomListItem>>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Query, IReadOnlyList<LiveRoomListItem>>
    {
        public async Task<Result<IReadOnlyList<LiveRoomListItem>>> HandleAsync(Query query, CancellationToken ct)
        {
            var limit = Math.Clamp(query.Limit, 1, 200);
            var rooms = live.Rooms.AsNoTracking();
            var open = await rooms.Where(r => r.Status == LiveRoomStatus.Live || r.Status == LiveRoomStatus.Scheduled)
                .OrderBy(r => r.Status == LiveRoomStatus.Live ? 0 : 1).ThenBy(r => r.StartsAt).Take(limit).ToListAsync(ct);
            var ended = await rooms.Where(r => r.Status == LiveRoomStatus.Ended).OrderByDescending(r => r.EndedAt ?? r.EndsAt).Take(limit).ToListAsync(ct);
            var actor = await live.ActorAsync(ct);
            var ids = open.Select(r => r.Id).ToList();
            var subscribed = actor is null ? []
                : await live.Db.Set<LiveRoomSubscription>().AsNoTracking().Where(s => s.UserId == actor.UserId && ids.Contains(s.RoomId))
                    .Select(s => s.RoomId).ToListAsync(ct);
            var list = new List<LiveRoomListItem>();
            foreach (var room in open.Concat(ended))
                list.Add(new LiveRoomListItem(await SummaryAsync(live, room, ct), subscribed.Contains(room.Id)));
            return list;
        }
    }

    internal static async Task<LiveRoomSummary> SummaryAsync(LiveRoomService live, LiveRoom room, CancellationToken ct) =>
        await live.SummaryAsync(room, await live.Db.Set<LiveRoomJob>().CountAsync(c => c.RoomId == room.Id, ct), ct);
}

/// <summary>The rooms the signed-in host runs (its employer's or agency's; every operators' room for an operator), latest start first.</summary>
public static class ListMyLiveRooms
{
    public sealed record Query : IUseCase<IReadOnlyList<LiveRoomSummary>>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Query, IReadOnlyList<LiveRoomSummary>>
    {
        public async Task<Result<IReadOnlyList<LiveRoomSummary>>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await live.ActorAsync(ct);
            if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
            IQueryable<LiveRoom> rooms;
            if (actor.IsEmployer) rooms = live.Rooms.Where(r => r.EmployerId == actor.EmployerId);
            else if (actor.IsOperator) rooms = live.Rooms.Where(r => r.HostKind == LiveRoomHostKind.Operator);
            else return Error.Forbidden(LiveRoomErrors.MayNotHost);
            var list = new List<LiveRoomSummary>();
            foreach (var room in await rooms.AsNoTracking().OrderByDescending(r => r.StartsAt).Take(200).ToListAsync(ct))
                list.Add(await ListLiveRooms.SummaryAsync(live, room, ct));
            return list;
        }
    }
}
