using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SharingTests(WebAppFixture web)
{
    [Fact]
    public async Task An_employer_finds_a_resume_asks_for_contact_and_sees_it_only_while_the_seeker_consents()
    {
        // The seeker (in the shared pool) adds a distinctive phrase to the résumé so the search can single them out.
        var seeker = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(seeker, "seeker", DemoAccounts.Password);
        await seeker.GotoAsync("/Seeker/Profile");
        await seeker.FillAsync("#Form_ResumeText", "擅长钛合金熔覆修复，熟悉激光设备。");
        await seeker.ClickAsync("#save-profile");
        await Expect(seeker.Locator(".alert-ok")).ToContainTextAsync("简历已保存");

        // An agency consultant (an employer account) searches the pool and opens the résumé: contact data masked.
        var agency = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(agency, "agency", DemoAccounts.Password);
        await agency.GotoAsync("/Employer/Talent");
        await agency.FillAsync("#talent-search input[name=q]", "钛合金熔覆");
        await agency.ClickAsync("#talent-search button[type=submit]");
        var cards = agency.Locator(".talent-card");
        await Expect(cards).ToHaveCountAsync(1);
        await cards.Locator("h2 a").ClickAsync();
        await Expect(agency).ToHaveURLAsync(new Regex("/Employer/Talent/View/"));
        await Expect(agency.Locator(".contact-name")).ToContainTextAsync("*");
        await Expect(agency.Locator(".contact-phone")).ToContainTextAsync("****");
        await agency.FillAsync(".request-form textarea[name=purpose]", "推荐激光熔覆技术员岗位，邀请面谈");
        await agency.ClickAsync("#request-contact");
        await Expect(agency.Locator(".alert-ok")).ToContainTextAsync("已向求职者发送");
        await Expect(agency.Locator("#pending-request")).ToBeVisibleAsync();

        // The seeker grants on the privacy page and sees who viewed the résumé.
        await seeker.GotoAsync("/Seeker/Privacy");
        var request = seeker.Locator("#contact-requests .request");
        await Expect(request).ToContainTextAsync("青岛匠才人力资源服务有限公司");
        await Expect(request).ToContainTextAsync("推荐激光熔覆技术员岗位");
        await request.Locator("button.grant").ClickAsync();
        await Expect(seeker.Locator(".alert-ok")).ToContainTextAsync("已同意");
        var views = seeker.Locator("#resume-views .view-row", new() { HasText = "青岛匠才人力资源服务有限公司" });
        await Expect(views.First).ToContainTextAsync("脱敏简历");

        // The agency now sees the name and phone in full.
        await agency.ReloadAsync();
        await Expect(agency.Locator(".contact-name")).Not.ToContainTextAsync("*");
        await Expect(agency.Locator(".contact-phone")).ToHaveTextAsync(new Regex(@"^1\d{10}$"));
        await agency.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-talent-consented.png"), FullPage = true });

        // The seeker revokes; the agency is back to the masked résumé, and the log shows what each view revealed.
        await seeker.GotoAsync("/Seeker/Privacy");
        await seeker.Locator("#consents button.revoke").First.ClickAsync();
        await Expect(seeker.Locator(".alert-ok")).ToContainTextAsync("已撤回授权");
        await agency.ReloadAsync();
        await Expect(agency.Locator(".contact-name")).ToContainTextAsync("*");
        await Expect(agency.Locator(".contact-phone")).ToContainTextAsync("****");
        await seeker.ReloadAsync();
        await Expect(seeker.Locator("#resume-views .view-row", new() { HasText = "姓名、手机号" })).ToHaveCountAsync(1);
        await Expect(seeker.Locator("#consents")).ToContainTextAsync("撤回");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "seeker-privacy.png"), FullPage = true });
    }
}
