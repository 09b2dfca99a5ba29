using System.Text.RegularExpressions;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>On a phone: the company's HR invites a colleague who joins through the SMS link; the client's HR accepts a headhunting project.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CompanyAccountsTests(WebAppFixture web)
{
    private async Task<IPage> PhonePageAsync(string locale = "zh-CN")
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    private static Task<byte[]> ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, $"journey-{name}.png"), FullPage = true });

    [Fact]
    public async Task The_hr_administrator_invites_a_colleague_who_joins_by_the_sms_link_on_a_phone()
    {
        var hr = await PhonePageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", DemoAccounts.Password);
        await hr.GotoAsync("/Employer/Members");
        await hr.Locator("#invite input[name='Phone']").FillAsync("13600007701");
        await hr.Locator("#invite button[type=submit]").ClickAsync();
        var link = await hr.Locator("#invite-link").InputValueAsync();
        Assert.Matches("/Account/Join\\?invite=[A-Za-z0-9_-]+$", link);
        await Expect(hr.Locator("#invites [data-invite]")).ToHaveCountAsync(1);
        await ShotAsync(hr, "members-invited-zh");

        var invitee = await PhonePageAsync();
        await invitee.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(invitee.Locator("#join-company")).ToContainTextAsync("136****7701");
        await invitee.Locator("input[name='UserName']").FillAsync("demo_colleague");
        await invitee.Locator("input[name='PersonName']").FillAsync("王芳");
        await invitee.Locator("button[formaction*='SendCode']").ClickAsync();
        await invitee.Locator("input[name='Code']").FillAsync(web.LatestSmsCode("13600007701")!);
        await invitee.Locator("input[name='Password']").FillAsync(DemoAccounts.Password);
        await ShotAsync(invitee, "join-zh");
        await invitee.Locator("button.btn-primary").ClickAsync();
        await Expect(invitee).ToHaveURLAsync(new Regex("/Employer/Jobs$"));

        await hr.GotoAsync("/Culture?culture=en&returnUrl=/Employer/Members");
        await Expect(hr.Locator("[data-member='demo_colleague']")).ToHaveCountAsync(1);
        await ShotAsync(hr, "members-en");
    }

    [Fact]
    public async Task The_client_hr_accepts_a_project_an_agency_opened_for_the_company()
    {
        string projectId;
        using (var scope = web.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var agency = (await users.FindByNameAsync("agency"))!;
            var hrUser = (await users.FindByNameAsync("hr"))!;
            scope.ServiceProvider.GetRequiredService<ActingUser>().Actor = new Actor(agency.Id, [Roles.Agency], agency.EmployerId, null);
            var created = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(new CreateProject.Command(new ProjectInput(
                hrUser.EmployerId, "电工专项寻访", 2, null, null, "370200", 7000, 10000, null, "年薪的15%", null, null)));
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Code)));
            projectId = created.Value.View.Project.Id;
        }
        var hr = await PhonePageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", DemoAccounts.Password);
        await hr.GotoAsync($"/Agency/Projects/{projectId}");
        await Expect(hr.Locator("#client-decision")).ToHaveTextAsync("待客户确认");
        await ShotAsync(hr, "project-awaiting-client-zh");
        await hr.Locator("#accept-project").ClickAsync();
        await Expect(hr.Locator("#client-decision")).ToHaveTextAsync("客户已接受");
        await Expect(hr.Locator("#client-decision-panel")).ToHaveCountAsync(0);
    }
}
