using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SeekerNavigationTests(WebAppFixture web)
{
    private static readonly string[] MenuPages = ["/Chat", "/Seeker/Privacy", "/Seeker/MyData", "/Seeker/Reports"];

    [Fact]
    public async Task The_seeker_navigation_fits_one_row_and_reaches_every_page_in_Chinese_and_English()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "seeker", DemoAccounts.Password);
        await page.GotoAsync("/Seeker/Profile");
        await AssertNavigationAsync(page, "zh");

        await page.ClickAsync("a.lang");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#nav-more summary")).ToHaveTextAsync("My account");
        await AssertNavigationAsync(page, "en");
    }

    private static async Task AssertNavigationAsync(IPage page, string language)
    {
        // One row: the top bar keeps its height, the brand, the links and the account area side by side.
        var bar = await page.Locator(".topbar-inner").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.True(bar.Height <= 64, $"top bar is {bar.Height}px high in {language}");
        foreach (var selector in new[] { ".brand-text strong", ".account .lang", ".account .who", ".account button.link", ".mainnav > a[href='/Seeker/CampusTalks']", "#nav-more summary" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height < 32 && box.X + box.Width <= 1280, $"{selector} wraps or overflows in {language}: {box.X},{box.Y} {box.Width}x{box.Height}");
        }
        foreach (var link in new[] { "/Seeker/Profile", "/Seeker/Recommendations", "/Seeker/Applications", "/Seeker/Invitations", "/Seeker/CampusTalks" })
            await Expect(page.Locator($".mainnav > a[href='{link}']")).ToBeVisibleAsync();

        // The less frequent pages sit in the account menu, one click away.
        foreach (var target in MenuPages)
        {
            await Expect(page.Locator($".mainnav a[href='{target}']")).Not.ToBeVisibleAsync();
            await page.ClickAsync("#nav-more summary");
            await page.ClickAsync($"#nav-more a[href='{target}']");
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(target) + "$"));
            await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, $"seeker{target.Replace('/', '-').ToLowerInvariant()}-{language}.png"), FullPage = true });
        }
        await page.ClickAsync("#nav-more summary");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, $"seeker-nav-menu-{language}.png") });
        await page.ClickAsync("#nav-more summary");
    }
}
