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

/// <summary>
/// live-talk.js in a real browser over the real hub. The room page's script (live-room.js) is another part's: a stand-in that
/// keeps its browser contract (one connection, <c>window.gongjiangLive</c>, the <c>live:state</c>, <c>live:room</c> and
/// <c>live:personal</c> events) drives the talk partials as rendered on /Live/Talk/{roomId}.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveTalkTests(WebAppFixture web)
{
    private const string RoomContract = """
        async () => {
          const roomId = document.querySelector('[data-room]').dataset.room;
          const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/live').withAutomaticReconnect().build();
          const live = window.gongjiangLive = { connection, roomId, role: null, lastSeq: 0 };
          connection.on('room', b => {
            if (b.seq <= live.lastSeq) return;
            live.lastSeq = b.seq;
            document.dispatchEvent(new CustomEvent('live:room', { detail: Object.assign({}, b, { data: JSON.parse(b.data) }) }));
          });
          connection.on('personal', p => document.dispatchEvent(new CustomEvent('live:personal', { detail: { kind: p.kind, data: JSON.parse(p.data) } })));
          await connection.start();
          const joined = await connection.invoke('Join', roomId, 0);
          live.role = joined.value.role;
          live.lastSeq = joined.value.lastSeq;
          document.dispatchEvent(new CustomEvent('live:state', { detail: joined.value }));
          window.liveJoined = true;
        }
        """;

    [Fact]
    public async Task A_seeker_asks_and_requests_the_mic_live_and_the_host_answers_pinned_and_takes_the_seeker_on_the_mic()
    {
        var roomId = await RoomAsync();
        var seeker = await LiveAsync("seeker", roomId);
        var hr = await LiveAsync("hr", roomId);
        await seeker.EvaluateAsync("() => window.stillHere = true");

        await seeker.FillAsync("#live-ask-text", "焊工岗位包住宿吗？");
        await seeker.ClickAsync("#live-ask-button");
        await Expect(seeker.Locator("#live-ask-text")).ToHaveValueAsync("");
        await Expect(seeker.Locator("#live-question-list li .live-q-text").First).ToHaveTextAsync("焊工岗位包住宿吗？");
        var asked = hr.Locator("#live-host-question-list li").First;
        await Expect(asked.Locator(".live-q-text")).ToHaveTextAsync("焊工岗位包住宿吗？");
        // A question with a WeChat id is held: the asker is told, nobody sees it.
        await seeker.FillAsync("#live-ask-text", "加我微信：zhangwei_88");
        await seeker.ClickAsync("#live-ask-button");
        await Expect(seeker.Locator("#live-talk-notice")).ToContainTextAsync("内容未发布");

        await asked.Locator("textarea").FillAsync("包住宿，四人间。");
        await asked.Locator("input[name=pin]").CheckAsync();
        await asked.Locator(".live-answer").ClickAsync();
        await Expect(seeker.Locator("#live-pinned li .live-q-answer")).ToContainTextAsync("包住宿，四人间。");

        await seeker.ClickAsync("#live-mic-request-button");
        await Expect(seeker.Locator("#live-my-turn")).ToHaveTextAsync("我的排位：第 1 位");
        var queued = hr.Locator("#live-queue li").First;
        await Expect(queued).ToBeVisibleAsync();
        await queued.Locator("button[data-action=accept-mic]").ClickAsync();
        await Expect(seeker.Locator("#live-mic-rtc")).ToHaveAttributeAsync("href", "https://rtc.example.cn/room/demo");
        await Expect(seeker.Locator("#live-mic-rtc")).ToBeVisibleAsync();
        await Expect(seeker.Locator("#live-mic-withdraw-button")).ToHaveTextAsync("结束连麦");
        await Expect(seeker.Locator("#live-my-turn")).ToHaveTextAsync("您正在连麦");
        await Expect(hr.Locator("#live-host-on-mic button[data-action=end-mic]")).ToBeVisibleAsync();
        Assert.True(await seeker.EvaluateAsync<bool>("() => window.stillHere === true"), "the seeker's page was reloaded");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-talk-seeker-live.png"), FullPage = true });
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-talk-host-live.png"), FullPage = true });

        await hr.ClickAsync("#live-host-on-mic button[data-action=end-mic]");
        await Expect(seeker.Locator("#live-on-mic")).ToHaveTextAsync("当前无人连麦");
        using var scope = web.Services.CreateScope();
        var link = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LiveRoomActivity>().AsNoTracking()
            .SingleAsync(a => a.RoomId == roomId && a.Kind == LiveRoomActivityKinds.MicLink);
        Assert.NotNull(link.Seconds);
    }

    /// <summary>The demo HR's room on air with an RTC link.</summary>
    private async Task<string> RoomAsync()
    {
        using var scope = web.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var hr = await sp.GetRequiredService<AppDbContext>().Users.AsNoTracking().FirstAsync(u => u.UserName == "hr");
        sp.GetRequiredService<ActingUser>().Actor = new Actor(hr.Id, [Roles.EmployerHR], hr.EmployerId, null);
        var useCases = sp.GetRequiredService<IUseCases>();
        var now = DateTime.UtcNow;
        var room = await useCases.RunAsync(new ScheduleLiveRoom.Command("焊工专场直播招聘", "王总监", "", "https://live.example.cn/demo.m3u8",
            "https://rtc.example.cn/room/demo", now, now.AddHours(2), []));
        Assert.True(room.Succeeded, room.ToString());
        Assert.True((await useCases.RunAsync(new ChangeLiveRoomStatus.Command(room.Value.Id, LiveRoomStatus.Live))).Succeeded);
        return room.Value.Id;
    }

    private async Task<IPage> LiveAsync(string user, string roomId)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, user, DemoAccounts.Password);
        await page.GotoAsync($"/Live/Talk/{roomId}");
        await page.AddScriptTagAsync(new() { Url = "/lib/signalr/signalr.min.js" });
        await page.AddScriptTagAsync(new() { Url = "/js/live-talk.js" });
        await page.EvaluateAsync(RoomContract);
        await page.WaitForFunctionAsync("() => window.liveJoined === true");
        return page;
    }
}
