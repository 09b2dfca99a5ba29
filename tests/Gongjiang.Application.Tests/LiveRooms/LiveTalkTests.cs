using System.Text.Json;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.LiveRooms;

/// <summary>What the room delivered: broadcasts to everyone and pushes to one user.</summary>
public sealed class RecordingLiveBroadcaster : ILiveRoomBroadcaster
{
    public List<LiveRoomBroadcast> Broadcasts { get; } = [];
    public List<(string UserId, string Kind, string Data)> Personal { get; } = [];

    public Task BroadcastAsync(LiveRoomBroadcast broadcast, CancellationToken ct = default)
    {
        lock (Broadcasts) Broadcasts.Add(broadcast);
        return Task.CompletedTask;
    }

    public Task ToUserAsync(string userId, string kind, object data, CancellationToken ct = default)
    {
        lock (Personal) Personal.Add((userId, kind, JsonSerializer.Serialize(data, LiveRoomService.Json)));
        return Task.CompletedTask;
    }
}

public sealed class LiveTalkTests
{
    private static readonly Actor Hr = Acting.Employer("U-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("U-hr-b", "E2");
    private static readonly Actor Seeker = Acting.Seeker("U-seeker", "T1");
    private static readonly Actor OtherSeeker = Acting.Seeker("U-seeker-2", "T2");
    private static readonly Actor NoPhoneSeeker = Acting.Seeker("U-seeker-3", "T3");

    private sealed record Room(TestDatabase Database, TestNode Node, ManualClock Clock, RecordingLiveBroadcaster Delivered, string Id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Node.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<Room> LiveRoomAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var delivered = new RecordingLiveBroadcaster();
        var node = new TestNode(database.Target, clock, s => s.AddSingleton<ILiveRoomBroadcaster>(delivered));
        await using (var seed = node.Scope())
        {
            var db = seed.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            db.Employers.AddRange(
                new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
                new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
            db.Talent.Add(new TalentProfile { Id = "T1", CityCode = "370211", ExperienceYears = 6, Skills = ["氩弧焊", "不锈钢管道", "识图"],
                Occupations = [new TalentOccupation { Code = "6-18-02-04", Grade = 3, Certified = true }] });
            db.Talent.Add(new TalentProfile { Id = "T2", CityCode = "370212" });
            db.Talent.Add(new TalentProfile { Id = "T3", CityCode = "370212" });
            db.TalentContacts.AddRange(new TalentContact { TalentId = "T1", Name = "张伟", Phone = "13812345678" },
                new TalentContact { TalentId = "T2", Name = "李娜", Phone = "13987654321" }, new TalentContact { TalentId = "T3", Name = "王强" });
            db.Users.AddRange(
                new AppUser { Id = "U-hr", UserName = "hr1", NormalizedUserName = "HR1", EmployerId = "E1", CreatedAt = now },
                new AppUser { Id = "U-hr-b", UserName = "hr2", NormalizedUserName = "HR2", EmployerId = "E2", CreatedAt = now },
                new AppUser { Id = "U-seeker", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", CreatedAt = now },
                new AppUser { Id = "U-seeker-2", UserName = "seeker2", NormalizedUserName = "SEEKER2", TalentId = "T2", CreatedAt = now },
                new AppUser { Id = "U-seeker-3", UserName = "seeker3", NormalizedUserName = "SEEKER3", TalentId = "T3", CreatedAt = now });
            await db.SaveChangesAsync();
            var services = seed.ServiceProvider;
            var room = (await services.RunAsAsync(Hr, new ScheduleLiveRoom.Command("海卓精密 焊工专场", "王总监", "", "https://live.example.cn/hz.m3u8",
                "https://rtc.example.cn/room/hz", now, now.AddHours(2), []))).AssertValue();
            (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertValue();
            return new Room(database, node, clock, delivered, room.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Screening_holds_phone_numbers_wechat_ids_and_fees_in_questions_and_answers_and_keeps_them_for_review(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;

        var phone = (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "能加我手机 138 1234 5678 细聊吗"))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Held);
        Assert.Contains("站外联系方式", phone.InChinese());
        (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "加我微信：zhangwei_88"))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Held);
        var fee = (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "入职要交押金500元吗？交了押金能优先录用吧"))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Held);
        Assert.Contains("收取押金或费用", fee.InChinese());
        var asked = (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "焊工岗位包住宿吗？"))).AssertValue();
        Assert.Equal(("张*", 0), (asked.Asker, asked.Upvotes));
        (await services.RunAsAsync(Hr, new AnswerLiveQuestion.Command(room.Id, asked.Id, "包住宿，详情加我微信 wz_hr2026", false))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Held);
        (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, new string('问', 301)))).AssertFails(ErrorKind.Invalid, LiveRoomErrors.TooLong);

        var db = services.GetRequiredService<AppDbContext>();
        var held = await db.Set<LiveRoomQuestion>().Where(q => q.HeldRules != null).OrderBy(q => q.Id).ToListAsync();
        Assert.Equal(3, held.Count);
        Assert.Contains("138 1234 5678", held[0].Text, StringComparison.Ordinal);
        var state = (await services.RunAsAsync(OtherSeeker, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal(["焊工岗位包住宿吗？"], state.Questions.Select(q => q.Text));
        Assert.Null(state.Questions[0].Answer);
        // Only the shown question reached the room and counts in its statistics.
        Assert.Equal(["status", "question"], room.Delivered.Broadcasts.Select(b => b.Kind));
        Assert.Equal(1, await db.Set<LiveRoomActivity>().CountAsync(a => a.Kind == LiveRoomActivityKinds.Question));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_muted_user_can_ask_nothing_and_request_no_mic_until_unmuted(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;

        (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "夜班补贴多少？"))).AssertValue();
        (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertValue();
        (await services.RunAsAsync(Hr, new MuteInLiveRoom.Command(room.Id, Seeker.UserId, true))).AssertValue();
        Assert.Contains(room.Delivered.Personal, p => p.UserId == Seeker.UserId && p.Kind == "muted" && p.Data.Contains("\"muted\":true", StringComparison.Ordinal));

        var refused = (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "还能提问吗？"))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Muted);
        Assert.Contains("禁言", refused.InChinese());
        (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Muted);
        var mine = (await services.RunAsAsync(Seeker, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal((true, false, null), (mine.Muted, mine.MaySpeak, mine.MyTurn));  // muting withdrew the waiting request
        Assert.Equal(0, mine.Waiting);
        var hostView = (await services.RunAsAsync(Hr, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal(("张*", Seeker.UserId), (Assert.Single(hostView.MutedUsers).Name, hostView.MutedUsers[0].UserId));
        // Others still speak; unmuted, the user speaks again.
        (await services.RunAsAsync(OtherSeeker, new AskLiveQuestion.Command(room.Id, "有没有班车？"))).AssertValue();
        (await services.RunAsAsync(Hr, new MuteInLiveRoom.Command(room.Id, Seeker.UserId, false))).AssertValue();
        (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "谢谢，请问几点上班？"))).AssertValue();
        // Someone who never spoke in the room cannot be muted in it.
        (await services.RunAsAsync(Hr, new MuteInLiveRoom.Command(room.Id, "U-nobody", true))).AssertFails(ErrorKind.NotFound, LiveTalkErrors.UserNotInRoom);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Viewers_and_another_employers_hr_can_neither_answer_pin_hide_mute_nor_take_the_mic_queue(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;
        var q = (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "学徒工资多少？"))).AssertValue();
        var turn = (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertValue();

        foreach (var outsider in new[] { OtherSeeker, ForeignHr, Acting.Operator() })
        {
            (await services.RunAsAsync(outsider, new AnswerLiveQuestion.Command(room.Id, q.Id, "三千五", true))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
            (await services.RunAsAsync(outsider, new PinLiveAnswer.Command(room.Id, q.Id, true))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
            (await services.RunAsAsync(outsider, new HideLiveQuestion.Command(room.Id, q.Id))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
            (await services.RunAsAsync(outsider, new MuteInLiveRoom.Command(room.Id, Seeker.UserId, true))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
            (await services.RunAsAsync(outsider, new AcceptLiveMic.Command(room.Id, turn.RequestId))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
            (await services.RunAsAsync(outsider, new DeclineLiveMic.Command(room.Id, turn.RequestId))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.HostOnly);
            Assert.Empty((await services.RunAsAsync(outsider, new GetLiveTalk.Query(room.Id))).AssertValue().Queue);
        }
        (await services.RunAsAsync(OtherSeeker, new AcceptLiveMic.Command("L-forged", turn.RequestId))).AssertFails(ErrorKind.NotFound, LiveRoomErrors.NotFound);
        var state = (await services.RunAsAsync(Seeker, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal((false, null, false), (state.Host, state.Questions.Single().Answer, state.Muted));
        Assert.Equal(("waiting", 1), (state.MyTurn!.Status, state.MyTurn.Position));

        // The host answers, pins and unpins, hides.
        var answered = (await services.RunAsAsync(Hr, new AnswerLiveQuestion.Command(room.Id, q.Id, "学徒期每月四千，三个月转正。", true))).AssertValue();
        Assert.True(answered.Pinned);
        Assert.Equal("学徒期每月四千，三个月转正。", Assert.Single((await services.RunAsAsync(Seeker, new GetLiveTalk.Query(room.Id))).AssertValue().Pinned).Answer);
        Assert.False((await services.RunAsAsync(Hr, new PinLiveAnswer.Command(room.Id, q.Id, false))).AssertValue().Pinned);
        (await services.RunAsAsync(Hr, new HideLiveQuestion.Command(room.Id, q.Id))).AssertValue();
        Assert.Empty((await services.RunAsAsync(Seeker, new GetLiveTalk.Query(room.Id))).AssertValue().Questions);
        Assert.Equal(["answer", "answer", "question_hidden"], room.Delivered.Broadcasts.Select(b => b.Kind).Where(k => k is "answer" or "question_hidden"));
        var db = services.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Set<LiveRoomActivity>().CountAsync(a => a.Kind == LiveRoomActivityKinds.Answer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_upvotes_a_question_once(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;
        var q = (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "有五险一金吗？"))).AssertValue();

        Assert.Equal(1, (await services.RunAsAsync(OtherSeeker, new UpvoteLiveQuestion.Command(room.Id, q.Id))).AssertValue().Upvotes);
        (await services.RunAsAsync(OtherSeeker, new UpvoteLiveQuestion.Command(room.Id, q.Id))).AssertFails(ErrorKind.Conflict, LiveTalkErrors.AlreadyUpvoted);
        Assert.Equal(2, (await services.RunAsAsync(Seeker, new UpvoteLiveQuestion.Command(room.Id, q.Id))).AssertValue().Upvotes);
        (await services.RunAsAsync(Seeker, new UpvoteLiveQuestion.Command(room.Id, 999_999))).AssertFails(ErrorKind.NotFound, LiveTalkErrors.QuestionNotFound);

        var seen = Assert.Single((await services.RunAsAsync(OtherSeeker, new GetLiveTalk.Query(room.Id))).AssertValue().Questions);
        Assert.Equal((2, true), (seen.Upvotes, seen.UpvotedByMe));
        Assert.Equal(["{\"questionId\":" + q.Id + ",\"upvotes\":1}", "{\"questionId\":" + q.Id + ",\"upvotes\":2}"],
            room.Delivered.Broadcasts.Where(b => b.Kind == "upvotes").Select(b => b.Data));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_mic_queue_shows_the_host_profile_summaries_and_every_link_is_logged_with_its_seconds(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;

        (await services.RunAsAsync(NoPhoneSeeker, new RequestLiveMic.Command(room.Id))).AssertFails(ErrorKind.Forbidden, LiveTalkErrors.MicUnverified);
        (await services.RunAsAsync(ForeignHr, new RequestLiveMic.Command(room.Id))).AssertFails(ErrorKind.Forbidden, LiveRoomErrors.SeekerOnly);
        var first = (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertValue();
        (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertFails(ErrorKind.Conflict, LiveTalkErrors.MicAlreadyRequested);
        var second = (await services.RunAsAsync(OtherSeeker, new RequestLiveMic.Command(room.Id))).AssertValue();
        Assert.Equal((1, 2), (first.Position, second.Position));

        var host = (await services.RunAsAsync(Hr, new GetLiveTalk.Query(room.Id))).AssertValue();
        var summary = host.Queue[0];
        Assert.Equal(("张*", 3, 6.0, 1), (summary.Name, summary.Grade, summary.ExperienceYears, summary.Position));
        Assert.Equal(["氩弧焊", "不锈钢管道", "识图"], summary.Skills);
        Assert.Contains("焊", summary.Occupation, StringComparison.Ordinal);
        Assert.Contains("青岛", summary.City, StringComparison.Ordinal);
        Assert.Equal(("李*", 2), (host.Queue[1].Name, host.Queue[1].Position));

        var guest = (await services.RunAsAsync(Hr, new AcceptLiveMic.Command(room.Id, first.RequestId))).AssertValue();
        Assert.Equal("张*", guest.Guest);
        var accepted = Assert.Single(room.Delivered.Personal, p => p.Kind == "mic_accepted");
        Assert.Equal(Seeker.UserId, accepted.UserId);
        Assert.Contains("\"rtcUrl\":\"https://rtc.example.cn/room/hz\"", accepted.Data, StringComparison.Ordinal);
        Assert.Contains(room.Delivered.Broadcasts, b => b.Kind == "on_mic" && b.Data.Contains("\"guest\":\"张*\"", StringComparison.Ordinal));
        (await services.RunAsAsync(Hr, new AcceptLiveMic.Command(room.Id, second.RequestId))).AssertFails(ErrorKind.Conflict, LiveTalkErrors.MicBusy);
        // The one who waited behind is now first.
        Assert.Equal(1, (await services.RunAsAsync(OtherSeeker, new GetLiveTalk.Query(room.Id))).AssertValue().MyTurn!.Position);
        var guestView = (await services.RunAsAsync(Seeker, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal(("on_mic", "https://rtc.example.cn/room/hz"), (guestView.MyTurn!.Status, guestView.MicRoomUrl));
        Assert.Null((await services.RunAsAsync(OtherSeeker, new GetLiveTalk.Query(room.Id))).AssertValue().MicRoomUrl);

        room.Clock.Advance(TimeSpan.FromSeconds(95));
        Assert.Equal(95, (await services.RunAsAsync(Hr, new EndLiveMic.Command(room.Id, first.RequestId))).AssertValue());
        (await services.RunAsAsync(Hr, new DeclineLiveMic.Command(room.Id, second.RequestId))).AssertValue();
        Assert.Contains(room.Delivered.Personal, p => p.UserId == OtherSeeker.UserId && p.Kind == "mic_declined");
        // Asking again after a link is over is allowed; the guest hanging up is logged too.
        var again = (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertValue();
        (await services.RunAsAsync(Hr, new AcceptLiveMic.Command(room.Id, again.RequestId))).AssertValue();
        room.Clock.Advance(TimeSpan.FromSeconds(30));
        (await services.RunAsAsync(Seeker, new WithdrawLiveMic.Command(room.Id))).AssertValue();

        var db = services.GetRequiredService<AppDbContext>();
        var links = await db.Set<LiveRoomActivity>().Where(a => a.Kind == LiveRoomActivityKinds.MicLink).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([(Seeker.UserId, 95L), (Seeker.UserId, 30L)], links.Select(a => (a.UserId!, a.Seconds!.Value)));
        Assert.Equal(["mic_ended", "mic_ended"], room.Delivered.Broadcasts.Where(b => b.Kind == "mic_ended").Select(b => b.Kind));
        var after = (await services.RunAsAsync(Hr, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal((0, null, 0), (after.Waiting, after.OnMic, after.Queue.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ending_the_room_hangs_up_the_guest_and_declines_who_still_waits_and_only_one_guest_is_ever_on_the_mic(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;
        var first = (await services.RunAsAsync(Seeker, new RequestLiveMic.Command(room.Id))).AssertValue();
        var second = (await services.RunAsAsync(OtherSeeker, new RequestLiveMic.Command(room.Id))).AssertValue();
        (await services.RunAsAsync(Hr, new AcceptLiveMic.Command(room.Id, first.RequestId))).AssertValue();

        // A second console that read the queue before the first accepted: the database keeps one guest on the mic.
        var db = services.GetRequiredService<AppDbContext>();
        var waiting = await db.Set<LiveRoomMicRequest>().FirstAsync(r => r.Id == second.RequestId);
        waiting.Status = LiveMicStatus.OnMic;
        waiting.OnMicRoomId = room.Id;
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        room.Clock.Advance(TimeSpan.FromSeconds(40));
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Ended))).AssertValue();
        var requests = await db.Set<LiveRoomMicRequest>().AsNoTracking().Where(r => r.RoomId == room.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(LiveMicStatus.Ended, 40L, (string?)null), (LiveMicStatus.Declined, 0L, null)],
            requests.Select(r => (r.Status, r.Seconds ?? 0L, r.OnMicRoomId)));
        Assert.Equal(40L, (await db.Set<LiveRoomActivity>().SingleAsync(a => a.RoomId == room.Id && a.Kind == LiveRoomActivityKinds.MicLink)).Seconds);
        Assert.Contains(room.Delivered.Personal, p => p.UserId == OtherSeeker.UserId && p.Kind == "mic_declined");
        Assert.Equal(["mic_ended", "status"], room.Delivered.Broadcasts.Select(b => b.Kind).Where(k => k is "mic_ended" or "status").TakeLast(2));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Operators_keep_or_release_held_questions_and_a_released_one_shows_in_the_room(DatabaseProvider provider)
    {
        await using var room = await LiveRoomAsync(provider);
        await using var scope = room.Node.Scope();
        var services = scope.ServiceProvider;
        var op = Acting.Operator();
        (await services.RunAsAsync(Seeker, new AskLiveQuestion.Command(room.Id, "加我微信：zhangwei_88"))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Held);
        (await services.RunAsAsync(OtherSeeker, new AskLiveQuestion.Command(room.Id, "厂址是高新区138号路吗？要加微信群了解班车吗？"))).AssertFails(ErrorKind.Refused, LiveTalkErrors.Held);

        (await services.RunAsAsync(Hr, new ListHeldLiveQuestions.Query())).AssertFails(ErrorKind.Forbidden, Gongjiang.Application.Compliance.ComplianceErrors.OperatorsOnly);
        var held = (await services.RunAsAsync(op, new ListHeldLiveQuestions.Query())).AssertValue();
        Assert.Equal(["加我微信：zhangwei_88", "厂址是高新区138号路吗？要加微信群了解班车吗？"], held.Select(h => h.Text));
        Assert.All(held, h => Assert.Equal("海卓精密 焊工专场", h.RoomTitle));
        (await services.RunAsAsync(op, new DecideHeldLiveQuestion.Command(held[0].Id, false))).AssertValue();
        (await services.RunAsAsync(op, new DecideHeldLiveQuestion.Command(held[1].Id, true))).AssertValue();
        (await services.RunAsAsync(op, new DecideHeldLiveQuestion.Command(held[1].Id, true))).AssertFails(ErrorKind.NotFound, LiveTalkErrors.QuestionNotFound);

        Assert.Empty((await services.RunAsAsync(op, new ListHeldLiveQuestions.Query())).AssertValue());
        var shown = (await services.RunAsAsync(Seeker, new GetLiveTalk.Query(room.Id))).AssertValue();
        Assert.Equal(["厂址是高新区138号路吗？要加微信群了解班车吗？"], shown.Questions.Select(q => q.Text));
        Assert.Contains(room.Delivered.Broadcasts, b => b.Kind == "question" && b.Data.Contains("138号路", StringComparison.Ordinal));
    }
}
