using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A signed-in seeker asks to be reminded (订阅提醒) of a room that has not ended; asking twice is the same reminder.</summary>
public static class SubscribeToLiveRoom
{
    public sealed record Command(string? RoomId) : IUseCase<bool>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Command, bool>
    {
        public async Task<Result<bool>> HandleAsync(Command command, CancellationToken ct)
        {
            var seeker = await live.SeekerInRoomAsync(command.RoomId, ct);
            if (!seeker.Succeeded) return seeker.Cast<bool>();
            var (actor, room) = seeker.Value;
            if (await live.Db.Set<LiveRoomSubscription>().AnyAsync(s => s.RoomId == room.Id && s.UserId == actor.UserId, ct)) return true;
            live.Db.Add(new LiveRoomSubscription { RoomId = room.Id, UserId = actor.UserId, CreatedAt = live.Now });
            try { await live.Db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { live.Db.ChangeTracker.Clear(); } // the same seeker, at the same moment elsewhere
            return true;
        }
    }
}

/// <summary>A seeker no longer wants the reminder of a room.</summary>
public static class UnsubscribeFromLiveRoom
{
    public sealed record Command(string? RoomId) : IUseCase<bool>;

    public sealed class Handler(LiveRoomService live) : IUseCaseHandler<Command, bool>
    {
        public async Task<Result<bool>> HandleAsync(Command command, CancellationToken ct)
        {
            var room = await live.RoomAsync(command.RoomId, ct);
            if (!room.Succeeded) return room.Cast<bool>();
            var actor = await live.ActorAsync(ct);
            if (actor is null) return Error.Forbidden(LiveRoomErrors.SignInRequired);
            await live.Db.Set<LiveRoomSubscription>().Where(s => s.RoomId == room.Value.Id && s.UserId == actor.UserId).ExecuteDeleteAsync(ct);
            return false;
        }
    }
}
