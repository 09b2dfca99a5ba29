using System.Globalization;
using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveRoomTests(WebAppFixture web)
{
    [Fact]
    public async Task HR_goes_live_answers_a_question_takes_a_mic_guest_pushes_an_invitation_and_the_seeker_applies_in_one_tap()
    {
        string jobId, jobTitle, seekerUserId;
        using (var scope = web.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hrEmployer = (await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "hr")).EmployerId;
            var seekerUser = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "seeker");
            seekerUserId = seekerUser.Id;
            // A job of the demo HR the demo seeker has neither applied to nor been invited to (other journeys may have done either).
            var job = await db.Jobs.AsNoTracking()
                .Where(j => j.EmployerId == hrEmployer && j.Status == Gongjiang.Core.Jobs.JobStatus.Open
                    && !db.Applications.Any(a => a.JobId == j.Id && a.TalentId == seekerUser.TalentId)
                    && !db.Set<Gongjiang.Core.Recruiting.Invitation>().Any(i => i.JobId == j.Id && i.TalentId == seekerUser.TalentId))
                .OrderBy(j => j.Id).Select(j => new { j.Id, j.Title }).FirstAsync();
            (jobId, jobTitle) = (job.Id, job.Title);
        }

        // HR schedules the room from the form, choosing the job, and goes on air from the console.
        var hr = await SignedInAsync("hr", new ViewportSize { Width = 1024, Height = 900 });
        await hr.GotoAsync("/Live/Manage");
        var china = DateTime.UtcNow.AddHours(8);
        await hr.FillAsync("#room-title", "海卓精密春招直播带岗");
        await hr.FillAsync("#room-host", "王总监");
        await hr.FillAsync("#room-stream", "https://live.example.cn/hls/haizhuo.m3u8");
        await hr.FillAsync("#room-mic", "https://rtc.example.cn/room/haizhuo");
        await hr.FillAsync("#room-starts", china.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await hr.FillAsync("#room-ends", china.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await hr.CheckAsync($"#room-jobs input[value='{jobId}']");
        await hr.ClickAsync("#schedule-submit");
        await hr.WaitForURLAsync(url => url.Contains("/Live/Manage/", StringComparison.Ordinal));
        var roomId = hr.Url.Split('/').Last();
        await hr.ClickAsync("#room-start");
        await Expect(hr.Locator("#live-status")).ToHaveTextAsync("直播中");

        // The seeker watches on a phone; the room is live over the hub.
        var seeker = await SignedInAsync("seeker", new ViewportSize { Width = 390, Height = 844 }, mobile: true);
        await seeker.GotoAsync($"/Live/{roomId}");
        await Expect(seeker.Locator("#live-room")).ToHaveAttributeAsync("data-live", "true");
        await Expect(seeker.Locator($"#live-jobs .live-job[data-job='{jobId}']")).ToContainTextAsync(jobTitle);
        await seeker.EvaluateAsync("() => window.stillHere = true");

        // HR's console lists the signed-in seeker watching; HR pushes an invitation to apply to them.
        await hr.ReloadAsync();
        await Expect(hr.Locator("#live-console")).ToHaveAttributeAsync("data-live", "true");
        await hr.EvaluateAsync("() => window.stillHere = true");

        // The seeker asks in the room; HR answers from the console and pins it; the answer appears pinned on the phone, live.
        await seeker.FillAsync("#live-ask-text", "焊工岗位包住宿吗？");
        await seeker.ClickAsync("#live-ask-button");
        await Expect(seeker.Locator("#live-ask-text")).ToHaveValueAsync("");
        var asked = hr.Locator("#live-host-question-list li", new() { HasText = "焊工岗位包住宿吗？" });
        await Expect(asked.Locator(".live-q-text")).ToHaveTextAsync("焊工岗位包住宿吗？");
        // A question with a WeChat id is held: the asker is told, nobody sees it.
        await seeker.FillAsync("#live-ask-text", "加我微信：zhangwei_88");
        await seeker.ClickAsync("#live-ask-button");
        await Expect(seeker.Locator("#live-talk-notice")).ToContainTextAsync("内容未发布");
        await asked.Locator("textarea").FillAsync("包住宿，四人间。");
        await asked.Locator("input[name=pin]").CheckAsync();
        await asked.Locator(".live-answer").ClickAsync();
        await Expect(seeker.Locator("#live-pinned li .live-q-answer")).ToContainTextAsync("包住宿，四人间。");
        await Expect(hr.Locator("#live-host-question-list li", new() { HasText = "zhangwei_88" })).ToHaveCountAsync(0);

        // 连麦: the seeker asks for the mic, HR takes them from the queue, the seeker is handed the RTC room; HR ends it.
        await seeker.ClickAsync("#live-mic-request-button");
        await Expect(seeker.Locator("#live-my-turn")).ToHaveTextAsync("我的排位：第 1 位");
        var queued = hr.Locator("#live-queue li").First;
        await Expect(queued).ToBeVisibleAsync();
        await queued.Locator("button[data-action=accept-mic]").ClickAsync();
        await Expect(seeker.Locator("#live-mic-rtc")).ToHaveAttributeAsync("href", "https://rtc.example.cn/room/haizhuo");
        await Expect(seeker.Locator("#live-my-turn")).ToHaveTextAsync("您正在连麦");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-seeker-zh-CN-on-mic.png"), FullPage = true });
        await hr.ClickAsync("#live-host-on-mic button[data-action=end-mic]");
        await Expect(seeker.Locator("#live-on-mic")).ToHaveTextAsync("当前无人连麦");
        await hr.SelectOptionAsync("#push-user", seekerUserId);
        await hr.SelectOptionAsync("#push-kind", "invitation");
        await hr.SelectOptionAsync("#push-job", jobId);
        await hr.FillAsync("#push-message", "看好您的焊接经验，欢迎投递");
        await hr.ClickAsync("#push-send");
        await Expect(hr.Locator("#push-result")).ToHaveTextAsync("已推送。");

        // It appears live on the seeker's phone, who applies from it in one tap.
        var push = seeker.Locator("#live-push-list .live-push.kind-invitation");
        await Expect(push).ToContainTextAsync(jobTitle);
        await Expect(push).ToContainTextAsync("看好您的焊接经验");
        await push.Locator(".live-apply button").ClickAsync();
        await Expect(push.Locator(".live-applied")).ToBeVisibleAsync();
        await Expect(seeker.Locator($"#live-jobs .live-job[data-job='{jobId}'] .live-applied")).ToBeVisibleAsync();
        await Expect(seeker.Locator("#live-applications")).ToHaveTextAsync("1");
        Assert.True(await seeker.EvaluateAsync<bool>("() => window.stillHere === true"), "the seeker's page was reloaded");

        // HR's console shows the application arrive, without reloading.
        await Expect(hr.Locator("#live-application-list li")).ToHaveCountAsync(1);
        await Expect(hr.Locator("#live-application-list li").First).ToContainTextAsync(jobTitle);
        await Expect(hr.Locator("#live-applications")).ToHaveTextAsync("1");
        Assert.True(await hr.EvaluateAsync<bool>("() => window.stillHere === true"), "HR's console was reloaded");

        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-seeker-zh-CN-applied.png"), FullPage = true });
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-hr-console-zh-CN.png"), FullPage = true });
        // The same room in English after a reload: the push stays listed, applied.
        await seeker.GotoAsync($"/Culture?culture=en&returnUrl=/Live/{roomId}");
        await Expect(seeker.Locator("#live-push-list .live-push.kind-invitation .live-applied")).ToHaveTextAsync("Applied");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "live-seeker-en-applied.png"), FullPage = true });
        await seeker.GotoAsync("/Culture?culture=zh-CN&returnUrl=/");
        await seeker.Context.CloseAsync();
        await hr.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string user, ViewportSize viewport, bool mobile = false)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = viewport, IsMobile = mobile, HasTouch = mobile,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, user, DemoAccounts.Password);
        return page;
    }
}
