using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PublicPagesTests(WebAppFixture web)
{
    [Fact]
    public async Task The_site_speaks_Chinese_by_default_and_English_after_the_switch()
    {
        var page = await web.NewPageAsync(locale: "en-US");
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator(".hero h1")).ToHaveTextAsync("让技能人才与制造业岗位精准相遇");

        await page.ClickAsync("a.lang");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator(".hero h1")).ToHaveTextAsync("Where skilled people meet the manufacturing jobs that need them");
        await Expect(page.Locator(".mainnav")).ToContainTextAsync("Find jobs");
        await Expect(page.Locator(".hero button")).ToHaveTextAsync("Search");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "home-english.png"), FullPage = true });

        // The choice sticks across pages, and the switch leads back to Chinese.
        await page.GotoAsync("/Jobs");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Find jobs");
        await page.ClickAsync("a.lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("找工作");
    }

    [Fact]
    public async Task Job_search_pages_through_the_open_jobs()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/Jobs");
        var first = await page.Locator(".job-card .job-title").First.InnerTextAsync();
        await page.Locator(".pager a", new() { HasText = "2" }).First.ClickAsync();
        await Expect(page.Locator(".pager .current")).ToHaveTextAsync("2");
        await Expect(page.Locator(".job-card .job-title").First).Not.ToHaveTextAsync(first);
    }
}
