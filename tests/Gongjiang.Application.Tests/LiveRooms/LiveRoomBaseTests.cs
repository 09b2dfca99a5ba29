using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.LiveRooms;

public sealed class LiveRoomBaseTests
{
    private static readonly Actor Hr = Acting.Employer("U-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("U-hr-b", "E2");
    private static readonly Actor UnverifiedHr = Acting.Employer("U-hr-c", "E3");
    private static readonly Actor Seeker = Acting.Seeker("U-seeker", "T1");
    private static readonly Actor Operator = Acting.Operator();

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E3", Name = "青岛新建装备有限公司", Uscc = "91370213MA3E2C6R5C", CityCode = "370213", IndustryCluster = "智能制造", Verification = VerificationStatus.Pending, CreatedAt = now, UpdatedAt = now });
        foreach (var (id, employer, status) in new[] { ("J1", "E1", JobStatus.Open), ("J2", "E1", JobStatus.Closed), ("J3", "E2", JobStatus.Open) })
            db.Jobs.Add(new JobPosting { Id = id, EmployerId = employer, Title = "数控车工", OccupationCode = "6-18-01-01", CityCode = "370211",
                SalaryMin = 7000, SalaryMax = 11000, PostedAt = DateOnly.FromDateTime(now), Status = status, Description = "数控车床操作。", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        return database;
    }

    private static ScheduleLiveRoom.Command Room(params string[] jobs) => new("海卓精密 春季直播招聘", "王总监", "数控岗位专场", "https://live.example.cn/hz/index.m3u8",
        null, DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(3), jobs);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_verified_employers_and_operators_schedule_rooms_and_hr_shows_only_its_own_open_jobs(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;

        (await services.RunAsAsync(Seeker, Room("J1"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.MayNotHost);
        (await services.RunAsAsync(UnverifiedHr, Room())).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.MayNotHost);
        (await services.RunAsAsync(Hr, Room("J3"))).AssertFails(ErrorKind.Invalid, LiveRoomErrors.JobNotOurs);
        (await services.RunAsAsync(Hr, Room("J2"))).AssertFails(ErrorKind.Invalid, LiveRoomErrors.JobNotOurs);
        (await services.RunAsAsync(Hr, Room("J1") with { StreamUrl = "rtmp://push.example.cn/live" })).AssertFails(ErrorKind.Invalid, LiveRoomErrors.StreamUrlInvalid);
        (await services.RunAsAsync(Hr, Room("J1") with { EndsAt = DateTime.UtcNow })).AssertFails(ErrorKind.Invalid, LiveRoomErrors.TimesInvalid);
        (await services.RunAsAsync(Hr, Room("J1") with { Title = " " })).AssertFails(ErrorKind.Invalid, LiveRoomErrors.TitleRequired);

        var room = (await services.RunAsAsync(Hr, Room("J1"))).AssertValue();
        Assert.Equal(("employer", "scheduled", "青岛海卓精密机械有限公司", 1), (room.HostKind, room.Status, room.EmployerName, room.JobCount));
        var state = (await services.RunAsAsync(Seeker, new GetLiveRoom.Query(room.Id))).AssertValue();
        var card = Assert.Single(state.Jobs);
        Assert.Equal(("J1", 7000, 11000, true), (card.JobId, card.PayMin, card.PayMax, card.Open));
        Assert.Equal(new LiveRoomRole(true, true, false), state.Role);
        Assert.True((await services.RunAsAsync(Hr, new GetLiveRoom.Query(room.Id))).AssertValue().Role.Host);

        var government = (await services.RunAsAsync(Operator, Room("J1", "J3") with { Title = "高新区 春风行动 直播招聘会" })).AssertValue();
        Assert.Equal(("operator", 2), (government.HostKind, government.JobCount));
        // The employers whose jobs an operators' room shows do not host it.
        (await services.RunAsAsync(Hr, new AnnounceInLiveRoom.Command(government.Id, "大家好"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Hr, new GetLiveRoom.Query("L-forged"))).AssertFails(ErrorKind.NotFound, LiveRoomErrors.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Broadcasts_are_numbered_in_order_and_a_client_rejoining_with_its_last_number_gets_exactly_what_it_missed(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var room = (await services.RunAsAsync(Hr, Room("J1"))).AssertValue();

        (await services.RunAsAsync(Hr, new AnnounceInLiveRoom.Command(room.Id, "还没开播"))).AssertFails(ErrorKind.Refused, LiveRoomErrors.NotLive);
        (await services.RunAsAsync(ForeignHr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Seeker, new AnnounceInLiveRoom.Command(room.Id, "我来主持"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertValue();

        var joined = (await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room.Id, "conn-1", null, 0))).AssertValue();
        Assert.Equal(1, joined.LastSeq);
        Assert.Equal(["status"], joined.Missed.Select(b => b.Kind));

        var sent = new List<LiveRoomBroadcast>();
        foreach (var text in new[] { "欢迎来到直播间", "今天介绍数控车工岗位", "月薪7000到11000" })
            sent.Add((await services.RunAsAsync(Hr, new AnnounceInLiveRoom.Command(room.Id, text))).AssertValue());
        Assert.Equal([2L, 3L, 4L], sent.Select(b => b.Seq));
        Assert.Equal("{\"text\":\"欢迎来到直播间\"}", sent[0].Data);
        Assert.All(sent, b => Assert.InRange(b.SentAt, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        (await services.RunAsAsync(Hr, new AnnounceInLiveRoom.Command(room.Id, new string('好', 301)))).AssertFails(ErrorKind.Invalid, LiveRoomErrors.TooLong);

        var rejoined = (await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room.Id, "conn-2", null, 2))).AssertValue();
        Assert.Equal([3L, 4L], rejoined.Missed.Select(b => b.Seq));
        Assert.Equal(["今天介绍数控车工岗位", "月薪7000到11000"], rejoined.Missed.Select(b => System.Text.Json.JsonDocument.Parse(b.Data).RootElement.GetProperty("text").GetString()));
        Assert.False(rejoined.MissedTruncated);
        Assert.Empty((await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room.Id, "conn-3", null, 4))).AssertValue().Missed);

        var ended = (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Ended))).AssertValue();
        Assert.Equal("ended", ended.Status);
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertFails(ErrorKind.Conflict, LiveRoomErrors.Ended);
        var db = services.GetRequiredService<AppDbContext>();
        Assert.Equal([1L, 2L, 3L, 4L, 5L], await db.Set<LiveRoomEvent>().Where(e => e.RoomId == room.Id).OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_viewer_with_two_connections_counts_once_and_watch_time_is_kept_when_they_leave(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var room = (await services.RunAsAsync(Hr, Room("J1"))).AssertValue();
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertValue();

        await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room.Id, "phone", null, 0));
        await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room.Id, "laptop", null, 0));
        var state = (await services.RunAsAsync(Hr, new WatchLiveRoom.Command(room.Id, "console", null, 0))).AssertValue();
        Assert.Equal(new ViewerCount(2, 2), state.Viewers);

        var since = DateTime.UtcNow.AddMinutes(-10);
        Assert.Equal(new ViewerCount(2, 2), (await services.RunAsAsync(Seeker, new StopWatchingLiveRoom.Command(room.Id, "phone", since))).AssertValue());
        Assert.Equal(new ViewerCount(1, 2), (await services.RunAsAsync(Seeker, new StopWatchingLiveRoom.Command(room.Id, "laptop", since))).AssertValue());
        var db = services.GetRequiredService<AppDbContext>();
        var viewers = await db.Set<LiveRoomViewer>().AsNoTracking().Where(v => v.RoomId == room.Id).OrderBy(v => v.ViewerKey).ToListAsync();
        Assert.Equal(["u:U-hr", "u:U-seeker"], viewers.Select(v => v.ViewerKey));
        Assert.InRange(viewers[1].WatchSeconds, 2 * 600 - 5, 2 * 600 + 5);
    }
}
