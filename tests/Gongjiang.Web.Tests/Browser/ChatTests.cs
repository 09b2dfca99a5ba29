using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ChatTests(WebAppFixture web)
{
    [Fact]
    public async Task The_seeker_starts_a_chat_from_a_job_HR_answers_with_a_job_card_and_the_seeker_sees_it_live()
    {
        string jobId;
        using (var scope = web.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hrEmployer = (await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "hr")).EmployerId;
            jobId = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == hrEmployer && j.Status == Gongjiang.Core.Jobs.JobStatus.Open)
                .OrderByDescending(j => j.Id).Select(j => j.Id).FirstAsync();
        }

        var seeker = await PhoneAsync("seeker");
        await seeker.GotoAsync($"/Jobs/Detail/{jobId}");
        await seeker.ClickAsync("#start-chat");
        await Expect(seeker.Locator("#chat-messages")).ToHaveAttributeAsync("data-live", "true");
        var conversationUrl = seeker.Url;
        // A marker that survives only while the page is not reloaded: what follows arrives live.
        await seeker.EvaluateAsync("() => window.stillHere = true");
        await seeker.FillAsync("#chat-text", "您好，请问这个岗位周末可以面试吗？");
        await seeker.ClickAsync("#chat-send-button");
        await Expect(seeker.Locator(".chat-msg.mine .chat-text").Last).ToHaveTextAsync("您好，请问这个岗位周末可以面试吗？");
        await Expect(seeker.Locator("#chat-text")).ToHaveValueAsync("");

        // HR finds it in the inbox with an unread count, reads it, and sends the job card by the form.
        var hr = await PhoneAsync("hr");
        await hr.GotoAsync("/Chat");
        var item = hr.Locator($"#conversations li[data-id='{conversationUrl.Split('/').Last()}']");
        await Expect(item.Locator(".unread-count")).ToBeVisibleAsync();
        await item.Locator("a").ClickAsync();
        await Expect(hr.Locator(".chat-msg.theirs .chat-text").Last).ToHaveTextAsync("您好，请问这个岗位周末可以面试吗？");
        // Chatting reveals nothing: HR sees the seeker's name exactly as the résumé view shows it to this employer
        // (masked without an application or consent; other journeys may have made the demo seeker apply here).
        var talentId = await hr.Locator("#chat-title").GetAttributeAsync("data-talent-id");
        var shownInChat = (await hr.Locator("#chat-title").TextContentAsync())!.Trim();
        var resumePage = await hr.Context.NewPageAsync();
        await resumePage.GotoAsync($"/Employer/Talent/View/{talentId}");
        Assert.Equal((await resumePage.Locator("#talent-name").TextContentAsync())!.Trim(), shownInChat);
        await resumePage.CloseAsync();
        await hr.ClickAsync("#chat-hr-actions summary");
        await hr.ClickAsync("#send-job-card");
        await Expect(hr.Locator(".chat-msg.mine.kind-job_card").Last).ToBeVisibleAsync();

        var card = seeker.Locator(".chat-msg.theirs.kind-job_card").Last;
        await Expect(card.Locator(".chat-job-card")).ToHaveAttributeAsync("href", $"/Jobs/Detail/{jobId}");
        Assert.True(await seeker.EvaluateAsync<bool>("() => window.stillHere === true"), "the seeker's page was reloaded");
        // HR opened the conversation, so the seeker's message shows as read.
        await Expect(seeker.Locator(".chat-msg.mine .chat-read").Last).ToBeVisibleAsync();

        // A phone number is held: the seeker is told why and nothing reaches HR.
        await seeker.FillAsync("#chat-text", "我的电话是13912345678");
        await seeker.ClickAsync("#chat-send-button");
        await Expect(seeker.Locator("#chat-live-notice")).ToContainTextAsync("站外联系方式");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "chat-seeker-live-job-card.png"), FullPage = true });
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "chat-hr-conversation.png"), FullPage = true });

        // The operators see the held number in the chat review and keep it held; it leaves the queue, HR never sees it.
        var op = await PhoneAsync("operator");
        await op.GotoAsync("/Operator/Messages");
        var held = op.Locator("#held-messages article", new() { HasText = "我的电话是13912345678" });
        await Expect(held).ToContainTextAsync("站外联系方式");
        await op.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "chat-operator-review.png"), FullPage = true });
        await held.Locator("button[value=keep]").ClickAsync();
        await Expect(op.Locator(".alert-ok")).ToContainTextAsync("已确认拦截");
        await Expect(op.Locator("#held-messages article", new() { HasText = "我的电话是13912345678" })).ToHaveCountAsync(0);
        await hr.ReloadAsync();
        await Expect(hr.Locator(".chat-msg", new() { HasText = "13912345678" })).ToHaveCountAsync(0);
        await op.Context.CloseAsync();
        await seeker.Context.CloseAsync();
        await hr.Context.CloseAsync();
    }

    private async Task<IPage> PhoneAsync(string user)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, user, DemoAccounts.Password);
        return page;
    }
}
