using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HeadhuntingTests(WebAppFixture web)
{
    [Fact]
    public async Task An_agency_creates_a_project_adds_two_candidates_hires_one_and_the_report_shows_the_rate()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "agency", DemoAccounts.Password);
        await page.GotoAsync("/Agency/Projects");
        var form = page.Locator("#new-project");
        await form.Locator("input[name='Form.Title']").FillAsync("数控技师专项寻访");
        await form.Locator("select[name='Form.ClientEmployerId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("input[name='Form.TargetHeadcount']").FillAsync("2");
        await form.Locator("select[name='Form.City']").SelectOptionAsync("370200");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Agency/Projects/H[0-9A-Z]+$"));

        // Two candidates from the shared pool's suggestions.
        for (var i = 0; i < 2; i++)
        {
            await page.Locator("#suggestions tr[data-suggestion] button").First.ClickAsync();
            await Expect(page.Locator("#candidates tr[data-candidate]")).ToHaveCountAsync(i + 1);
        }

        // The first one goes all the way to hired.
        var first = page.Locator("#candidates tr[data-candidate]").First;
        foreach (var stage in new[] { "已筛选", "已推荐", "已面试", "已到岗" })
        {
            await first.Locator("button[name=to]").First.ClickAsync();
            await Expect(page.Locator("#candidates tr[data-candidate]").First.Locator(".stage")).ToHaveTextAsync(stage);
            first = page.Locator("#candidates tr[data-candidate]").First;
        }
        await Expect(page.Locator("#delivery-rate")).ToContainTextAsync("50%");

        await page.ClickAsync("text=项目报告");
        await Expect(page).ToHaveURLAsync(new Regex("/Report$"));
        await Expect(page.Locator("#report-rate")).ToContainTextAsync("50%");
        await Expect(page.Locator("#report-summary")).ToContainTextAsync("到岗 1 人");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "agency-project-report.png"), FullPage = true });
    }
}
