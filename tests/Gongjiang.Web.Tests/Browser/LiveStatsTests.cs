using System.Collections.Concurrent;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>A finished room of the demo HR with an hour of figures: viewers sampled per minute, viewers, questions, applications, mic links.</summary>
public static class LiveStatsRoom
{
    private static readonly ConcurrentDictionary<IServiceProvider, string> Rooms = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public const int Minutes = 60;
    public const int Viewers = 240;
    public const int Applications = 45;

    public static async Task<string> OfDemoHrAsync(IServiceProvider services)
    {
        await Gate.WaitAsync();
        try
        {
            if (Rooms.TryGetValue(services, out var known)) return known;
            using var scope = services.CreateScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var hr = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == DemoAccounts.All[1].UserName);
            sp.GetRequiredService<ActingUser>().Actor = new Actor(hr.Id, [Roles.EmployerHR], hr.EmployerId, null);
            var useCases = sp.GetRequiredService<IUseCases>();
            var now = DateTime.UtcNow;
            var room = await useCases.RunAsync(new ScheduleLiveRoom.Command("海卓精密·焊工直播专场", "王总监", "现场讲解岗位，直播间一键投递。",
                "https://live.example.com/haizhuo/index.m3u8", null, now, now.AddHours(2), []));
            var id = room.Succeeded ? room.Value.Id : throw new InvalidOperationException(room.Errors[0].Code);
            if (!(await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Live))).Succeeded) throw new InvalidOperationException("not on air");

            // An hour of figures written as the room's own rows: the audience rises and falls, questions and applications come in waves.
            var row = await db.LiveRooms.FirstAsync(r => r.Id == id);
            var start = LiveRoomViewerSampler.MinuteOf(now.AddMinutes(-Minutes));
            row.StartedAt = start.AddSeconds(5);
            for (var m = 0; m < Minutes; m++)
            {
                var at = start.AddMinutes(m);
                db.Add(new LiveRoomViewerSample { RoomId = id, Minute = at, Viewers = (int)(180 * Math.Sin(Math.PI * (m + 1) / (Minutes + 1))) + 20 });
                if (m % 3 == 0) db.Add(new LiveRoomActivity { RoomId = id, Kind = LiveRoomActivityKinds.Question, At = at.AddSeconds(20) });
                if (m % 4 == 1) db.Add(new LiveRoomActivity { RoomId = id, Kind = LiveRoomActivityKinds.Answer, At = at.AddSeconds(40) });
                if (m % 10 == 5) db.Add(new LiveRoomActivity { RoomId = id, Kind = LiveRoomActivityKinds.MicLink, At = at.AddSeconds(30), Seconds = 150 });
            }
            for (var i = 0; i < Applications; i++)
                db.Add(new LiveRoomActivity { RoomId = id, Kind = LiveRoomActivityKinds.Application, At = start.AddMinutes(10 + i % 40).AddSeconds(i) });
            for (var v = 0; v < Viewers; v++)
                db.Add(new LiveRoomViewer { RoomId = id, ViewerKey = $"a:stats-{v:D4}", FirstSeenAt = start.AddMinutes(v % 50), LastSeenAt = now, WatchSeconds = 300 + v * 7 });
            await db.SaveChangesAsync();
            if (!(await useCases.RunAsync(new ChangeLiveRoomStatus.Command(id, LiveRoomStatus.Ended))).Succeeded) throw new InvalidOperationException("not ended");
            Rooms[services] = id;
            return id;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>The host reads a finished room's statistics: figures, the two charts, the minutes and the downloads, on a phone in Chinese and English.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveStatsTests(WebAppFixture web)
{
    [Fact]
    public async Task The_host_sees_the_rooms_figures_and_charts_and_downloads_them_on_a_phone_in_both_languages()
    {
        var roomId = await LiveStatsRoom.OfDemoHrAsync(web.Services);
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "hr", DemoAccounts.Password);
        await page.GotoAsync($"/Live/Stats/{roomId}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("直播数据");
        await Expect(page.Locator("#live-totals")).ToContainTextAsync(LiveStatsRoom.Viewers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#live-totals")).ToContainTextAsync("投递");
        await Expect(page.Locator("#chart-viewers svg")).ToBeVisibleAsync();   // ECharts, served from wwwroot/lib
        await Expect(page.Locator("#chart-activity svg")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the statistics scroll sideways at 390 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-stats-phone-zh.png"), FullPage = true });

        // The downloads are the same figures.
        var csv = await page.APIRequest.GetAsync($"/api/v1/live-rooms/{roomId}/stats.csv?part=totals");
        Assert.Equal(200, csv.Status);
        Assert.Contains($"applications,{LiveStatsRoom.Applications}", (await csv.TextAsync()).Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var xlsx = await page.APIRequest.GetAsync($"/api/v1/live-rooms/{roomId}/stats.xlsx");
        Assert.Equal((200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (xlsx.Status, xlsx.Headers["content-type"]));

        // The minutes open as cards.
        await page.Locator("#live-minutes summary").ClickAsync();
        await Expect(page.Locator("#live-minutes tbody tr")).ToHaveCountAsync(LiveStatsRoom.Minutes + 1);

        await page.GotoAsync("/Culture?culture=en&returnUrl=/");
        await page.GotoAsync($"/Live/Stats/{roomId}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live room statistics");
        await Expect(page.Locator("#live-totals")).ToContainTextAsync("Unique viewers");
        await Expect(page.Locator("#chart-viewers svg")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the statistics scroll sideways at 390 px (en)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-stats-phone-en.png"), FullPage = true });
        await context.CloseAsync();

        // Another employer's HR (the demo agency) does not see it.
        var other = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(other, "agency", DemoAccounts.Password);
        var response = await other.GotoAsync($"/Live/Stats/{roomId}");
        Assert.Equal(404, response!.Status);
    }
}
