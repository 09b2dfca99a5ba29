using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RecruitingTests(WebAppFixture web)
{
    [Fact]
    public async Task A_seeker_applies_is_interviewed_accepts_the_offer_and_the_employer_confirms_signing()
    {
        var hr = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", DemoAccounts.Password);
        await hr.GotoAsync("/Employer/Jobs?status=open");
        var jobId = await hr.Locator("#own-jobs tbody tr").First.GetAttributeAsync("data-job-id");
        Assert.NotNull(jobId);

        // The seeker applies from the job page and sees the application in their list.
        var seeker = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(seeker, "seeker", DemoAccounts.Password);
        await seeker.GotoAsync($"/Jobs/Detail/{jobId}");
        await seeker.ClickAsync("#apply");
        await Expect(seeker).ToHaveURLAsync(new Regex("/Seeker/Applications$"));
        var mine = seeker.Locator($".application:has(a[href='/Jobs/Detail/{jobId}'])");
        await Expect(mine.Locator(".stage")).ToHaveTextAsync("已申请");

        // HR schedules an interview on the board, holds it, scores it and sends an offer card.
        await hr.GotoAsync($"/Employer/Jobs/Board/{jobId}");
        var card = hr.Locator("#board .board-card").First;
        await card.Locator(".interview-form summary").ClickAsync();
        await card.Locator(".interview-form input[name=startsAt]").FillAsync(DateTime.Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:30");
        await card.Locator(".interview-form input[name=place]").FillAsync("黄岛区海卓厂区二号楼");
        await card.Locator(".interview-form button").ClickAsync();
        await Expect(hr.Locator(".alert-ok")).ToContainTextAsync("面试安排已保存");
        card = hr.Locator("[data-stage=interview] .board-card").First;
        await card.GetByRole(AriaRole.Button, new() { Name = "已面试" }).ClickAsync();
        card = hr.Locator("[data-stage=interview] .board-card").First;
        await card.Locator(".offer-form summary").ClickAsync();
        await card.Locator(".offer-form input[name=monthlyPay]").FillAsync("9500");
        await card.Locator(".offer-form input[name=startDate]").FillAsync(DateTime.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await card.Locator(".offer-form input[name=place]").FillAsync("青岛黄岛区");
        await card.Locator(".offer-form input[name=expiresOn]").FillAsync(DateTime.Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await card.Locator(".offer-form button").ClickAsync();
        await Expect(hr.Locator(".alert-ok")).ToContainTextAsync("录用意向已发送");

        // The seeker accepts the offer card in the app.
        await seeker.ReloadAsync();
        await Expect(mine.Locator(".offer-card")).ToContainTextAsync("9500");
        await mine.Locator("button.accept").ClickAsync();
        await Expect(seeker.Locator(".alert-ok")).ToContainTextAsync("您已接受录用意向");

        // HR confirms signing; the seeker sees it signed, with the whole history.
        await hr.ReloadAsync();
        await hr.Locator("[data-stage=offer] .board-card button.sign").First.ClickAsync();
        await Expect(hr.Locator("[data-stage=signed] .board-card")).ToHaveCountAsync(1);
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-board-signed.png"), FullPage = true });
        await seeker.ReloadAsync();
        await Expect(mine.Locator(".stage")).ToHaveTextAsync("已签约");
        await Expect(mine.Locator(".history li")).ToHaveCountAsync(4); // applied, interview, offer, signed
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "seeker-applications-signed.png"), FullPage = true });
    }
}
