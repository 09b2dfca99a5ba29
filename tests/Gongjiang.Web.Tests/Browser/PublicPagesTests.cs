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

    [Fact]
    public async Task A_missing_page_is_a_page_in_the_sites_layout_on_a_phone_in_Chinese_and_English()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/Jobs/Detail/NO-SUCH-JOB");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("#status-page h1")).ToHaveTextAsync("页面不存在");
        await Expect(page.Locator("#status-page a.btn")).ToHaveAttributeAsync("href", "/");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the status page scrolls sideways at 390 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "status-404-phone-zh.png"), FullPage = true });

        await page.GotoAsync("/Culture?culture=en&returnUrl=/Jobs/Detail/NO-SUCH-JOB");
        await Expect(page.Locator("#status-page h1")).ToHaveTextAsync("Page not found");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "status-404-phone-en.png"), FullPage = true });
        await context.CloseAsync();
    }
}
