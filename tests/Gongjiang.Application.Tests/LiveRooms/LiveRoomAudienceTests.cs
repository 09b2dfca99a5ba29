using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.LiveRooms;

/// <summary>Live rooms: scheduling and editing, the list, one-tap applications, pushes to one viewer, and reminders.</summary>
public sealed class LiveRoomAudienceTests
{
    private static readonly Actor Hr = Acting.Employer("U-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("U-hr-b", "E2");
    private static readonly Actor Seeker = Acting.Seeker("U-seeker", "T1");
    private static readonly Actor OtherSeeker = Acting.Seeker("U-seeker-2", "T2");
    private const string Stream = "https://live.example.cn/hls/room1.m3u8";

    private static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        foreach (var (id, employer, title) in new[] { ("J1", "E1", "氩弧焊工"), ("J2", "E1", "数控车工"), ("J3", "E2", "光刻工艺工程师") })
            db.Jobs.Add(new JobPosting { Id = id, EmployerId = employer, Title = title, OccupationCode = "6-18-02-04", CityCode = "370211",
                SalaryMin = 7000, SalaryMax = 11000, PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责焊接。", CreatedAt = now, UpdatedAt = now });
        foreach (var (id, name) in new[] { ("T1", "张伟"), ("T2", "李娜") })
        {
            db.Talent.Add(new TalentProfile { Id = id, CityCode = "370211", SharedWithZone = true });
            db.TalentContacts.Add(new TalentContact { TalentId = id, Name = name, Phone = id == "T1" ? "13812345678" : "13987654321" });
        }
        db.Users.AddRange(
            new AppUser { Id = "U-hr", UserName = "hr1", NormalizedUserName = "HR1", EmployerId = "E1", CreatedAt = now },
            new AppUser { Id = "U-hr-b", UserName = "hr2", NormalizedUserName = "HR2", EmployerId = "E2", CreatedAt = now },
            new AppUser { Id = "U-seeker", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", Email = "zhangwei@example.cn", CreatedAt = now },
            new AppUser { Id = "U-seeker-2", UserName = "seeker2", NormalizedUserName = "SEEKER2", TalentId = "T2", CreatedAt = now });
        await db.SaveChangesAsync();
    }

    private static ScheduleLiveRoom.Command Schedule(DateTime startsAt, params string[] jobs) =>
        new("海卓精密 2026 春招直播", "王总监", "焊工、车工现场答疑", Stream, null, startsAt, startsAt.AddHours(2), jobs);

    private static async Task<string> LiveRoomAsync(IServiceProvider services, params string[] jobs)
    {
        var room = (await services.RunAsAsync(Hr, Schedule(DateTime.UtcNow.AddMinutes(5), jobs))).AssertValue();
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertValue();
        return room.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheduling_checks_its_input_only_the_host_edits_and_only_before_the_start_and_the_list_puts_live_rooms_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        await SeedAsync(services);
        var at = DateTime.UtcNow.AddDays(1);

        (await services.RunAsAsync(Seeker, Schedule(at, "J1"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.MayNotHost);
        (await services.RunAsAsync(Hr, Schedule(at, "J3"))).AssertFails(ErrorKind.Invalid, LiveRoomErrors.JobNotOurs);
        (await services.RunAsAsync(Hr, Schedule(at, "J1") with { StreamUrl = "rtmp://live.example.cn/x" })).AssertFails(ErrorKind.Invalid, LiveRoomErrors.StreamUrlInvalid);
        (await services.RunAsAsync(Hr, Schedule(at, "J1") with { EndsAt = at.AddMinutes(-1) })).AssertFails(ErrorKind.Invalid, LiveRoomErrors.TimesInvalid);
        var later = (await services.RunAsAsync(Hr, Schedule(at, "J1"))).AssertValue();
        Assert.Equal(("scheduled", 1, "王总监"), (later.Status, later.JobCount, later.HostName));

        var edit = new LiveRoomDetails("海卓精密 车工专场", "李经理", "", Stream, null, at, at.AddHours(1), ["J2", "J1"]);
        (await services.RunAsAsync(ForeignHr, new EditLiveRoom.Command(later.Id, edit))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Seeker, new EditLiveRoom.Command(later.Id, edit))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Hr, new EditLiveRoom.Command(later.Id, edit with { JobIds = ["J3"] }))).AssertFails(ErrorKind.Invalid, LiveRoomErrors.JobNotOurs);
        var edited = (await services.RunAsAsync(Hr, new EditLiveRoom.Command(later.Id, edit))).AssertValue();
        Assert.Equal(("海卓精密 车工专场", "李经理", 2), (edited.Title, edited.HostName, edited.JobCount));
        var page = (await services.RunAsAsync(Seeker, new GetLiveRoomPage.Query(later.Id))).AssertValue();
        Assert.Equal(["J2", "J1"], page.State.Jobs.Select(j => j.JobId));
        Assert.Equal("job_cards", Assert.Single(await services.GetRequiredService<AppDbContext>().Set<LiveRoomEvent>().Where(e => e.RoomId == later.Id).ToListAsync()).Kind);

        var live = await LiveRoomAsync(services, "J1");
        (await services.RunAsAsync(Hr, new EditLiveRoom.Command(live, edit))).AssertFails(ErrorKind.Conflict, LiveRoomAudienceErrors.AlreadyStarted);
        var ended = await LiveRoomAsync(services, "J2");
        (await services.RunAsAsync(ForeignHr, new ChangeLiveRoomStatus.Command(ended, LiveRoomStatus.Ended))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(ended, LiveRoomStatus.Ended))).AssertValue();
        var cancelled = (await services.RunAsAsync(Hr, Schedule(at.AddDays(1), "J1"))).AssertValue();
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(cancelled.Id, LiveRoomStatus.Cancelled))).AssertValue();

        // Operators run government rooms showing any employer's open jobs; employers' HR do not host them.
        var government = (await services.RunAsAsync(Acting.Operator(), Schedule(at.AddDays(2), "J1", "J3"))).AssertValue();
        Assert.Equal(("operator", 2), (government.HostKind, government.JobCount));
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(government.Id, LiveRoomStatus.Live))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        Assert.Equal([government.Id], (await services.RunAsAsync(Acting.Operator("another-operator"), new ListMyLiveRooms.Query())).AssertValue().Select(r => r.Id));

        var list = (await services.RunAsAsync(Seeker, new ListLiveRooms.Query())).AssertValue();
        Assert.Equal([live, later.Id, government.Id, ended], list.Select(r => r.Room.Id));
        Assert.Equal(4, (await services.RunAsAsync(Hr, new ListMyLiveRooms.Query())).AssertValue().Count);
        Assert.Empty((await services.RunAsAsync(ForeignHr, new ListMyLiveRooms.Query())).AssertValue());
        (await services.RunAsAsync(Seeker, new ListMyLiveRooms.Query())).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.MayNotHost);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_tap_applies_once_records_the_application_for_the_room_and_tells_everyone_the_count(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        await SeedAsync(services);
        var room = await LiveRoomAsync(services, "J1");
        (await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room, "c1", null, 0))).AssertValue();

        var applied = (await services.RunAsAsync(Seeker, new ApplyFromLiveRoom.Command(room, "J1"))).AssertValue();
        Assert.Equal(("J1", 1), (applied.JobId, applied.Applications));
        (await services.RunAsAsync(Seeker, new ApplyFromLiveRoom.Command(room, "J1"))).AssertFails(ErrorKind.Conflict, RecruitingErrors.AlreadyApplied);
        (await services.RunAsAsync(Seeker, new ApplyFromLiveRoom.Command(room, "J2"))).AssertFails(ErrorKind.NotFound, LiveRoomAudienceErrors.JobNotInRoom);
        (await services.RunAsAsync(Hr, new ApplyFromLiveRoom.Command(room, "J1"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.SeekerOnly);

        var db = services.GetRequiredService<AppDbContext>();
        var application = await db.Applications.AsNoTracking().SingleAsync();
        Assert.Equal((applied.ApplicationId, "T1", "E1", ApplicationStage.Applied), (application.Id, application.TalentId, application.EmployerId, application.Stage));
        var activity = Assert.Single(await db.Set<LiveRoomActivity>().Where(a => a.RoomId == room && a.Kind == LiveRoomActivityKinds.Application).ToListAsync());
        Assert.Equal("U-seeker", activity.UserId);
        var broadcast = await db.Set<LiveRoomEvent>().Where(e => e.RoomId == room).OrderByDescending(e => e.Seq).FirstAsync();
        Assert.Equal(("applications", """{"count":1}"""), (broadcast.Kind, broadcast.Data));

        var console = (await services.RunAsAsync(Hr, new GetLiveRoomConsole.Query(room))).AssertValue();
        var row = Assert.Single(console.Applications);
        Assert.Equal(("张*", "氩弧焊工"), (row.Name, row.JobTitle));
        Assert.Equal(["J1"], (await services.RunAsAsync(Seeker, new GetLiveRoomPage.Query(room))).AssertValue().Mine.AppliedJobIds);
        (await services.RunAsAsync(Seeker, new GetLiveRoomConsole.Query(room))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(ForeignHr, new GetLiveRoomConsole.Query(room))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pushes_reach_one_seeker_in_the_room_and_an_offer_outside_the_shown_pay_keeps_its_required_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pushed = new RecordingLiveRoomBroadcaster();
        await using var node = new TestNode(database.Target, TimeProvider.System, s => s.AddSingleton<ILiveRoomBroadcaster>(pushed));
        await using var scope = node.Scope();
        var services = scope.ServiceProvider;
        await SeedAsync(services);
        var room = await LiveRoomAsync(services, "J1");
        (await services.RunAsAsync(Seeker, new WatchLiveRoom.Command(room, "c1", null, 0))).AssertValue();

        (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker-2", "job_card", "J1"))).AssertFails(ErrorKind.Refused, LiveRoomAudienceErrors.ViewerNotInRoom);
        (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-hr-b", "job_card", "J1"))).AssertFails(ErrorKind.Refused, LiveRoomAudienceErrors.ViewerNotInRoom);
        (await services.RunAsAsync(Seeker, new PushToLiveViewer.Command(room, "U-seeker", "job_card", "J1"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(ForeignHr, new PushToLiveViewer.Command(room, "U-seeker", "job_card", "J3"))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
        (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "coupon", "J1"))).AssertFails(ErrorKind.Invalid, LiveRoomAudienceErrors.PushKindInvalid);
        (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "job_card", "J2"))).AssertFails(ErrorKind.Invalid, LiveRoomAudienceErrors.JobNotInRoom);
        (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "offer", "J1"))).AssertFails(ErrorKind.Invalid, LiveRoomAudienceErrors.OfferPayInvalid);
        var noReason = (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "offer", "J1", MonthlyPay: 13000)))
            .AssertFails(ErrorKind.Invalid, LiveRoomAudienceErrors.OfferReasonRequired);
        Assert.Contains("原因", noReason.InChinese());
        Assert.Empty(pushed.Personal);

        var inside = (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "offer", "J1", MonthlyPay: 9000))).AssertValue();
        Assert.Equal((9000, (string?)null, 7000, 11000), (inside.MonthlyPay, inside.PayReason, inside.PayMin, inside.PayMax));
        var outside = (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "offer", "J1", "欢迎加入", 13000, "持高级焊工证，按技师岗定薪"))).AssertValue();
        Assert.Equal("持高级焊工证，按技师岗定薪", outside.PayReason);
        var invitation = (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "invitation", "J1", "看好您的经验"))).AssertValue();
        (await services.RunAsAsync(Hr, new PushToLiveViewer.Command(room, "U-seeker", "job_card", "J1"))).AssertValue();

        var db = services.GetRequiredService<AppDbContext>();
        Assert.Equal("持高级焊工证，按技师岗定薪", (await db.Set<LiveRoomPush>().AsNoTracking().SingleAsync(p => p.Id == outside.Id)).PayReason);
        var invited = await db.Set<Invitation>().AsNoTracking().SingleAsync();
        Assert.Equal(("J1", "T1"), (invited.JobId, invited.TalentId));
        Assert.Equal(new[] { "invitation", "job_card_push", "offer", "offer" },
            (await db.Set<LiveRoomActivity>().Where(a => a.RoomId == room).Select(a => a.Kind).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "offer", "offer", "invitation", "job_card" }, pushed.Personal.Select(p => p.Kind));
        Assert.All(pushed.Personal, p => Assert.Equal("U-seeker", p.UserId));

        // The seeker sees every push again when the page reloads or the connection comes back; the other seeker sees none.
        var mine = (await services.RunAsAsync(Seeker, new GetMyLiveRoomItems.Query(room))).AssertValue();
        Assert.Equal(["job_card", "invitation", "offer", "offer"], mine.Pushes.Select(p => p.Kind));
        Assert.Empty((await services.RunAsAsync(OtherSeeker, new GetMyLiveRoomItems.Query(room))).AssertValue().Pushes);
        Assert.Equal(invitation.Id, mine.Pushes[1].Id);
        var audience = Assert.Single((await services.RunAsAsync(Hr, new GetLiveRoomConsole.Query(room))).AssertValue().Audience);
        Assert.Equal(("U-seeker", "张*"), (audience.UserId, audience.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subscriber_is_reminded_once_shortly_before_the_start_even_with_two_nodes(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new TestNode(database.Target, clock);
        await using var second = new TestNode(database.Target, clock);
        string room;
        await using (var scope = first.Scope())
        {
            var services = scope.ServiceProvider;
            await SeedAsync(services);
            room = (await services.RunAsAsync(Hr, Schedule(clock.GetUtcNow().UtcDateTime.AddHours(2), "J1"))).AssertValue().Id;
            Assert.True((await services.RunAsAsync(Seeker, new SubscribeToLiveRoom.Command(room))).AssertValue());
            Assert.True((await services.RunAsAsync(Seeker, new SubscribeToLiveRoom.Command(room))).AssertValue());
            (await services.RunAsAsync(OtherSeeker, new SubscribeToLiveRoom.Command(room))).AssertValue();
            (await services.RunAsAsync(OtherSeeker, new UnsubscribeFromLiveRoom.Command(room))).AssertValue();
            (await services.RunAsAsync(Hr, new SubscribeToLiveRoom.Command(room))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.SeekerOnly);
            Assert.True(Assert.Single((await services.RunAsAsync(Seeker, new ListLiveRooms.Query())).AssertValue()).Subscribed);
            Assert.Equal(0, await services.GetRequiredService<LiveRoomReminders>().SendDueAsync(default));
        }

        clock.Advance(TimeSpan.FromMinutes(110));
        async Task<int> RemindAsync(TestNode node)
        {
            await using var scope = node.Scope();
            return await scope.ServiceProvider.GetRequiredService<LiveRoomReminders>().SendDueAsync(default);
        }
        var sent = await Task.WhenAll(RemindAsync(first), RemindAsync(second));
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await RemindAsync(first));

        await using var check = first.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var notice = Assert.Single(await db.Set<Notification>().Where(n => n.Kind == "live.reminder").ToListAsync());
        Assert.Equal(("U-seeker", $"/Live/{room}"), (notice.UserId, notice.Link));
        Assert.Contains("海卓精密 2026 春招直播", notice.Title, StringComparison.Ordinal);
        Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Channel == OutboxChannels.Email).ToListAsync());
    }
}

/// <summary>Keeps what would be broadcast and pushed, for the assertions.</summary>
public sealed class RecordingLiveRoomBroadcaster : ILiveRoomBroadcaster
{
    public List<LiveRoomBroadcast> Broadcasts { get; } = [];
    public List<(string UserId, string Kind, object Data)> Personal { get; } = [];

    public Task BroadcastAsync(LiveRoomBroadcast broadcast, CancellationToken ct = default)
    {
        lock (Broadcasts) Broadcasts.Add(broadcast);
        return Task.CompletedTask;
    }

    public Task ToUserAsync(string userId, string kind, object data, CancellationToken ct = default)
    {
        lock (Personal) Personal.Add((userId, kind, data));
        return Task.CompletedTask;
    }
}
