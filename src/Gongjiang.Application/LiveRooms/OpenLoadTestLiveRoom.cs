using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// <c>bench live</c>: the demo zone's HR (a verified employer) schedules a room showing up to three of its open jobs and
/// goes on air, through <see cref="ScheduleLiveRoom"/> and <see cref="ChangeLiveRoomStatus"/>, so the load runs on a room
/// like any other. Only the command line's operator may ask for it.
/// </summary>
public static class OpenLoadTestLiveRoom
{
    public sealed record Command(string Title) : IUseCase<LiveRoomSummary>;

    public const string NoDemoHr = "live.bench_no_demo_hr";

    public sealed class Handler(AppDbContext db, IUseCases useCases, ICurrentUser currentUser, ActingUser acting, TimeProvider clock)
        : IUseCaseHandler<Command, LiveRoomSummary>
    {
        public async Task<Result<LiveRoomSummary>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { IsOperator: true }) return Error.Forbidden(LiveRoomErrors.MayNotHost);
            var hr = await db.Users.AsNoTracking().Where(u => u.UserName == DemoZone.DemoAccounts.All[1].UserName && u.EmployerId != null)
                .Select(u => new { u.Id, u.EmployerId }).FirstOrDefaultAsync(ct);
            if (hr is null) return Error.Refused(NoDemoHr);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var jobIds = (await db.Jobs.AsNoTracking().Where(j => j.EmployerId == hr.EmployerId).OrderBy(j => j.Id).ToListAsync(ct))
                .Where(j => j.IsOpenOn(today)).Take(3).Select(j => j.Id).ToList();

            acting.Actor = new Actor(hr.Id, [Roles.EmployerHR], hr.EmployerId, null);
            var now = clock.GetUtcNow().UtcDateTime;
            var room = await useCases.RunAsync(new ScheduleLiveRoom.Command(command.Title, "人力资源部", "负载测量用的直播间。",
                "https://live.example.com/bench/index.m3u8", null, now, now.AddHours(6), jobIds), ct);
            if (!room.Succeeded) return room;
            return await useCases.RunAsync(new ChangeLiveRoomStatus.Command(room.Value.Id, LiveRoomStatus.Live), ct);
        }
    }
}
