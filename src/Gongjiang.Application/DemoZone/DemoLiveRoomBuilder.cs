using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.DemoZone;

/// <summary>What the demo live room came to.</summary>
public sealed record DemoLiveRoom(string RoomId, int Viewers, int Actions);

/// <summary>
/// Replays a finished live room of the size seed 000 describes (a 研发人才招聘专场 with the 总监 presenting: about 13,000
/// viewers, 450+ résumés, about 70 mic links) through the application's use cases, minute by minute on a
/// <see cref="ReplayClock"/>, so every record carries the moment it stands for and the statistics read as they would have.
/// The demo employer's HR hosts; the zone's seekers watch, ask, apply and take the mic; anonymous viewers make up the rest.
/// Choices follow a seeded random source: the same seed gives the same room.
/// </summary>
public sealed class DemoLiveRoomBuilder(IServiceScopeFactory scopes, ReplayClock clock)
{
    public const int Viewers = 13_000;
    public const int SignedInViewers = 1_500;
    public static readonly TimeSpan Length = TimeSpan.FromHours(2);

    /// <summary>One thing a participant does at a moment of the broadcast.</summary>
    private sealed record Step(DateTimeOffset At, int Order, Actor? Actor, Func<IServiceProvider, Task> Run);

    public async Task<DemoLiveRoom> BuildAsync(int seed, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var (hr, jobIds, seekers) = await CastAsync(ct);
        // Yesterday evening, China time (19:30), so the room is finished whenever the demo is built.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        var start = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(11, 30)), TimeSpan.Zero);
        var end = start + Length;

        clock.Set(start.AddDays(-3));
        var room = await RunAsync(hr, new ScheduleLiveRoom.Command("研发人才招聘专场 · 总监带岗", "研发中心 张总监",
            "算法、机器视觉、电气与工艺岗位，总监在线答疑、连麦面谈，直播间一键投递。", "https://live.example.cn/gongjiang/rd-special/index.m3u8",
            "https://rtc.example.cn/room/rd-special", start.UtcDateTime, end.UtcDateTime, jobIds), ct);

        var steps = new List<Step>();
        void At(DateTimeOffset at, Actor? actor, Func<IServiceProvider, Task> run) => steps.Add(new Step(at, steps.Count, actor, run));
        async Task Use<T>(IServiceProvider services, IUseCase<T> request) => _ = (await services.GetRequiredService<IUseCases>().RunAsync(request, ct)).Value;

        At(start, hr, s => Use(s, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live)));
        for (var minute = 1; minute < Length.TotalMinutes; minute += 6)
        {
            var text = Announcements[(minute / 6) % Announcements.Length];
            At(start.AddMinutes(minute).AddSeconds(10), hr, s => Use(s, new AnnounceInLiveRoom.Command(room.Id, text)));
        }

        // Viewers: most arrive in the first half hour after the start is announced, the rest through the broadcast; each
        // stays a while (a few minutes for most, the whole session for some). A seeker watches signed in.
        for (var i = 0; i < Viewers; i++)
        {
            var arrival = random.NextDouble() < 0.6 ? random.NextDouble() * 30 : 30 + random.NextDouble() * 85;
            var stay = Math.Min(-Math.Log(1 - random.NextDouble()) * 11 + 0.5, Length.TotalMinutes - arrival);
            var joined = start.AddMinutes(arrival);
            var left = joined.AddMinutes(stay);
            var viewer = i < SignedInViewers && i < seekers.Count ? seekers[i] : null;
            var connection = $"demo-{seed}-{i}";
            var key = viewer is null ? $"demo-{seed}-{i}" : null;
            At(joined, viewer, s => Use(s, new WatchLiveRoom.Command(room.Id, connection, key, 0)));
            At(left, viewer, s => Use(s, new StopWatchingLiveRoom.Command(room.Id, connection, joined.UtcDateTime)));
        }
        for (var minute = 0; minute <= Length.TotalMinutes; minute++)
            At(start.AddMinutes(minute).AddSeconds(59), null, s => new LiveRoomViewerTicker().RunAsync(s, ct));
        At(end, hr, s => Use(s, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Ended)));

        var ordered = steps.OrderBy(s => s.At).ThenBy(s => s.Order).ToList();
        foreach (var batch in ordered.Chunk(400))
        {
            await using var scope = scopes.CreateAsyncScope();
            var acting = scope.ServiceProvider.GetRequiredService<ActingUser>();
            foreach (var step in batch)
            {
                clock.Set(step.At);
                acting.Actor = step.Actor;
                await step.Run(scope.ServiceProvider);
                scope.ServiceProvider.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
            }
        }
        clock.Set(null);
        return new DemoLiveRoom(room.Id, Viewers, ordered.Count);
    }

    private static readonly string[] Announcements =
    [
        "欢迎来到研发人才招聘专场！今天张总监亲自带岗，职位卡片在屏幕下方，点一键投递即可。",
        "算法工程师、机器视觉工程师正在热招，应届和有经验的同学都欢迎。",
        "想和总监当面聊的同学，可以点“申请连麦”，按顺序上麦。",
        "提问区的问题我们会逐一回答，点赞多的优先。",
        "所有岗位五险一金、双休，试用期工资不打折，薪资以职位卡片为准。",
    ];

    private async Task<(Actor Hr, IReadOnlyList<string> JobIds, IReadOnlyList<Actor> Seekers)> CastAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hrUser = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "hr", ct)
            ?? throw new InvalidOperationException("the database has no demo zone (the demo HR user `hr` is missing)");
        var hr = new Actor(hrUser.Id, [Roles.EmployerHR], hrUser.EmployerId, null);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == hrUser.EmployerId && j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today))
            .OrderByDescending(j => j.SalaryMax).ThenBy(j => j.Id).Select(j => j.Id).Take(6).ToListAsync(ct);
        if (jobs.Count == 0) throw new InvalidOperationException("the demo employer has no open jobs to show");
        var talents = await db.Talent.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).Take(SignedInViewers).ToListAsync(ct);
        var seekers = talents.Select(id => new Actor("demo-live-" + id, [Roles.Seeker], null, id)).ToList();
        return (hr, jobs, seekers);
    }

    private async Task<T> RunAsync<T>(Actor actor, IUseCase<T> request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().Actor = actor;
        return (await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(request, ct)).Value;
    }
}
