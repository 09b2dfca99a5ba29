using System.Globalization;
using System.Text;
using CsvHelper;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongjiang.Application.Tests.LiveRooms;

public sealed class LiveRoomStatsTests
{
    private static readonly Actor Hr = Acting.Employer("U-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("U-hr-b", "E2");
    private static readonly Actor Seeker = Acting.Seeker("U-seeker", "T1");

    /// <summary>A room on air for three minutes and a half with known viewers, samples and activity; its id.</summary>
    private static async Task<(TestDatabase Database, ManualClock Clock, string RoomId, DateTime Start)> RoomAsync(DatabaseProvider provider)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(2).AddSeconds(10), TimeSpan.Zero);
        var clock = new ManualClock(start);
        var database = await TestDatabase.CreateAsync(provider, clock);
        await using (var seed = database.Scope())
        {
            var db = seed.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = start.UtcDateTime;
            db.Employers.AddRange(
                new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
                new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
            db.Jobs.Add(new JobPosting { Id = "J1", EmployerId = "E1", Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
                PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责焊接。", CreatedAt = now, UpdatedAt = now });
            db.Users.AddRange(
                new AppUser { Id = "U-hr", UserName = "hr1", NormalizedUserName = "HR1", EmployerId = "E1", CreatedAt = now },
                new AppUser { Id = "U-hr-b", UserName = "hr2", NormalizedUserName = "HR2", EmployerId = "E2", CreatedAt = now },
                new AppUser { Id = "U-seeker", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", CreatedAt = now });
            await db.SaveChangesAsync();
        }

        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var room = (await services.RunAsAsync(Hr, new ScheduleLiveRoom.Command("焊工专场直播", "王总监", "", "https://live.example.com/a.m3u8", null,
            start.UtcDateTime, start.UtcDateTime.AddHours(1), ["J1"]))).AssertValue();
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).AssertValue(); // 02:00:10

        // Minute 0 (02:00): two anonymous viewers and the seeker come; minute 1: one more, and the seeker comes back on a second tab.
        foreach (var key in new[] { "a1", "a2" }) await WatchAsync(services, Acting.Seeker("U-" + key, "T-" + key), room.Id, "conn-" + key);
        await WatchAsync(services, Seeker, room.Id, "conn-seeker");
        await LiveRoomViewerSampler.SampleAsync(services.GetRequiredService<LiveRoomService>(), room.Id, clock.GetUtcNow().UtcDateTime, 3, default);
        clock.Advance(TimeSpan.FromSeconds(60)); // 02:01:10
        await WatchAsync(services, Acting.Seeker("U-a3", "T-a3"), room.Id, "conn-a3");
        await WatchAsync(services, Seeker, room.Id, "conn-seeker-2");
        var live = services.GetRequiredService<LiveRoomService>();
        await LiveRoomViewerSampler.SampleAsync(live, room.Id, clock.GetUtcNow().UtcDateTime, 4, default);
        await LiveRoomViewerSampler.SampleAsync(live, room.Id, clock.GetUtcNow().UtcDateTime.AddSeconds(30), 2, default); // a lower count keeps the minute's 4
        // Watch time: a1 watched 90 s, the seeker 120 s.
        await services.RunAsAsync(Hr, new StopWatchingLiveRoom.Command(room.Id, "conn-a1", clock.GetUtcNow().UtcDateTime.AddSeconds(-90)));
        await services.RunAsAsync(Hr, new StopWatchingLiveRoom.Command(room.Id, "conn-seeker", clock.GetUtcNow().UtcDateTime.AddSeconds(-120)));

        // Activity: minute 0 two questions; minute 1 a question, an answer, two applications; minute 2 (from +110 s) a mic link of
        // 150 s, an invitation, an offer, a pushed job card; minute 3 (from +170 s) a mic link of 45 s and an application.
        var db2 = services.GetRequiredService<AppDbContext>();
        var at = start.UtcDateTime;
        void Add(string kind, double seconds, long? length = null) =>
            db2.Add(new LiveRoomActivity { RoomId = room.Id, Kind = kind, At = at.AddSeconds(seconds), UserId = "U-seeker", Seconds = length });
        Add(LiveRoomActivityKinds.Question, 5);
        Add(LiveRoomActivityKinds.Question, 40);
        Add(LiveRoomActivityKinds.Question, 55);
        Add(LiveRoomActivityKinds.Answer, 70);
        Add(LiveRoomActivityKinds.Application, 80);
        Add(LiveRoomActivityKinds.Application, 100);
        Add(LiveRoomActivityKinds.MicLink, 120, 150);
        Add(LiveRoomActivityKinds.Invitation, 130);
        Add(LiveRoomActivityKinds.Offer, 140);
        Add(LiveRoomActivityKinds.JobCardPush, 160);
        Add(LiveRoomActivityKinds.MicLink, 175, 45);
        Add(LiveRoomActivityKinds.Application, 185);
        await db2.SaveChangesAsync();

        clock.Advance(TimeSpan.FromSeconds(150)); // 02:03:40
        (await services.RunAsAsync(Hr, new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Ended))).AssertValue();
        return (database, clock, room.Id, start.UtcDateTime);
    }

    private static async Task WatchAsync(IServiceProvider services, Actor viewer, string roomId, string connection) =>
        (await services.RunAsAsync(viewer, new WatchLiveRoom.Command(roomId, connection, null, 0))).AssertValue();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_host_gets_every_minute_from_start_to_end_and_the_exact_totals(DatabaseProvider provider)
    {
        var (database, _, roomId, start) = await RoomAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var stats = (await scope.ServiceProvider.RunAsAsync(Hr, new GetLiveRoomStats.Query(roomId))).AssertValue();

        var minute0 = new DateTime(start.Ticks - start.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        Assert.Equal((minute0, minute0.AddMinutes(3)), (stats.From, stats.To));
        Assert.Equal([minute0, minute0.AddMinutes(1), minute0.AddMinutes(2), minute0.AddMinutes(3)], stats.Minutes.Select(m => m.Minute));
        Assert.Equal([3, 4, null, null], stats.Minutes.Select(m => m.Viewers));
        Assert.Equal([3, 1, 0, 0], stats.Minutes.Select(m => m.NewViewers));
        Assert.Equal([2, 1, 0, 0], stats.Minutes.Select(m => m.Questions));
        Assert.Equal([0, 1, 0, 0], stats.Minutes.Select(m => m.Answers));
        Assert.Equal([0, 2, 0, 1], stats.Minutes.Select(m => m.Applications));
        Assert.Equal([0, 0, 1, 1], stats.Minutes.Select(m => m.MicLinks));
        Assert.Equal([0, 0, 1, 0], stats.Minutes.Select(m => m.Invitations));
        Assert.Equal([0, 0, 1, 0], stats.Minutes.Select(m => m.Offers));

        // Unique viewers: a1, a2, a3 and the seeker (two tabs count once); watch time 90 + 120 s over 4.
        Assert.Equal(new LiveRoomTotals(PeakViewers: 4, UniqueViewers: 4, WatchSeconds: 210, AverageWatchSeconds: 52, Questions: 3, Answers: 1,
            MicLinks: 2, MicMinutes: 3.3, Applications: 3, Invitations: 1, Offers: 1, JobCardPushes: 1), stats.Totals);
        Assert.Equal(("焊工专场直播", "ended"), (stats.Room.Title, stats.Room.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_host_and_operators_see_a_rooms_statistics(DatabaseProvider provider)
    {
        var (database, _, roomId, _) = await RoomAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        (await services.RunAsAsync(ForeignHr, new GetLiveRoomStats.Query(roomId))).AssertFails(ErrorKind.NotFound, LiveRoomErrors.NotFound);
        (await services.RunAsAsync(Seeker, new GetLiveRoomStats.Query(roomId))).AssertFails(ErrorKind.NotFound, LiveRoomErrors.NotFound);
        (await services.RunAsAsync(ForeignHr, new ExportLiveRoomStats.Query(roomId, "csv"))).AssertFails(ErrorKind.NotFound, LiveRoomErrors.NotFound);
        (await services.RunAsAsync(Hr, new GetLiveRoomStats.Query("L-nope"))).AssertFails(ErrorKind.NotFound, LiveRoomErrors.NotFound);
        Assert.Equal(4, (await services.RunAsAsync(Acting.Operator(), new GetLiveRoomStats.Query(roomId))).AssertValue().Totals.UniqueViewers);
    }

    [Fact]
    public async Task A_room_not_yet_on_air_has_totals_and_no_minutes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.Add(new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        var room = (await services.RunAsAsync(Hr, new ScheduleLiveRoom.Command("预告", null, null, "https://live.example.com/a.m3u8", null, now.AddDays(1), now.AddDays(1).AddHours(1), []))).AssertValue();
        var stats = (await services.RunAsAsync(Hr, new GetLiveRoomStats.Query(room.Id))).AssertValue();
        Assert.Empty(stats.Minutes);
        Assert.Null(stats.From);
        Assert.Equal(0, stats.Totals.UniqueViewers);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_csv_and_xlsx_downloads_read_back_as_the_same_minutes_and_totals(DatabaseProvider provider)
    {
        var (database, _, roomId, start) = await RoomAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;

        var csv = (await services.RunAsAsync(Hr, new ExportLiveRoomStats.Query(roomId, "csv"))).AssertValue();
        Assert.Equal($"live-stats-{roomId}-minutes.csv", csv.FileName);
        var rows = ReadCsv(csv.Content);
        Assert.Equal(ExportLiveRoomStats.MinuteColumns, rows[0]);
        Assert.Equal(5, rows.Count);
        var china = start.AddHours(8);
        Assert.Equal([china.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) + "+08:00", "3", "3", "2", "0", "0", "0", "0", "0"], rows[1]);
        Assert.Equal(["4", "1", "1", "1", "0", "2", "0", "0"], rows[2][1..]);
        Assert.Equal(["", "0", "0", "0", "1", "0", "1", "1"], rows[3][1..]);
        Assert.Equal(["", "0", "0", "0", "1", "1", "0", "0"], rows[4][1..]);

        var totals = ReadCsv((await services.RunAsAsync(Hr, new ExportLiveRoomStats.Query(roomId, "csv", "totals"))).AssertValue().Content);
        Assert.Equal(["figure", "value"], totals[0]);
        var byFigure = totals.Skip(1).ToDictionary(t => t[0], t => t[1]);
        Assert.Equal(("4", "4", "210", "52", "3", "1", "2", "3.3", "3", "1", "1", "1"), (byFigure["peak_viewers"], byFigure["unique_viewers"], byFigure["watch_seconds"],
            byFigure["average_watch_seconds"], byFigure["questions"], byFigure["answers"], byFigure["mic_links"], byFigure["mic_minutes"],
            byFigure["applications"], byFigure["invitations"], byFigure["offers"], byFigure["job_card_pushes"]));

        var xlsx = (await services.RunAsAsync(Hr, new ExportLiveRoomStats.Query(roomId, "xlsx"))).AssertValue();
        using var stream = new MemoryStream(xlsx.Content);
        Assert.Equal(["minutes", "totals"], MiniExcel.GetSheetNames(stream));
        var minutes = stream.Query(useHeaderRow: true, sheetName: "minutes").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, minutes.Count);
        Assert.Equal([3.0, 1.0, 0.0, 0.0], minutes.Select(m => Convert.ToDouble(m["new_viewers"], CultureInfo.InvariantCulture)));
        Assert.Equal([0.0, 2.0, 0.0, 1.0], minutes.Select(m => Convert.ToDouble(m["applications"], CultureInfo.InvariantCulture)));
        var sheetTotals = stream.Query(useHeaderRow: true, sheetName: "totals").Cast<IDictionary<string, object?>>()
            .ToDictionary(t => (string)t["figure"]!, t => Convert.ToDouble(t["value"], CultureInfo.InvariantCulture));
        Assert.Equal((4.0, 210.0, 3.3), (sheetTotals["unique_viewers"], sheetTotals["watch_seconds"], sheetTotals["mic_minutes"]));

        (await services.RunAsAsync(Hr, new ExportLiveRoomStats.Query(roomId, "pdf"))).AssertFails(ErrorKind.Invalid, ExportLiveRoomStats.BadFormat);
        (await services.RunAsAsync(Hr, new ExportLiveRoomStats.Query(roomId, "csv", "everything"))).AssertFails(ErrorKind.Invalid, ExportLiveRoomStats.BadFormat);
    }

    private static List<string[]> ReadCsv(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Record!);
        return rows;
    }
}
