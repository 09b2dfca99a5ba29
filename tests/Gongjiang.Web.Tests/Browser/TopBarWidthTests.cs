using System.Text.Json;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Between the phone's menu button and a wide desktop (a tablet, a 1024 px laptop), the top bar of the roles with the most
/// links still shows every link inside the screen and none under another (the account links included), in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TopBarWidthTests(WebAppFixture web)
{
    private const string Collisions = """
        () => {
            const width = window.innerWidth;
            const items = [...document.querySelectorAll('.topbar .brand, .topbar .mainnav > a, .topbar .mainnav > details > summary, .topbar .account > a, .topbar .account button')]
                .map(el => ({ name: (el.id || el.textContent.trim()).slice(0, 20), r: el.getBoundingClientRect() }))
                .filter(x => x.r.width > 0 && x.r.height > 0);
            const problems = [];
            for (const x of items) if (x.r.left < -0.5 || x.r.right > width + 0.5) problems.push(`${x.name} reaches past the screen (${Math.round(x.r.left)}..${Math.round(x.r.right)})`);
            for (let i = 0; i < items.length; i++)
                for (let j = i + 1; j < items.length; j++) {
                    const a = items[i].r, b = items[j].r;
                    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                        problems.push(`${items[i].name} overlaps ${items[j].name}`);
                }
            return problems.slice(0, 8);
        }
        """;

    [Theory]
    [InlineData("hr", "zh-CN")]
    [InlineData("hr", "en")]
    [InlineData("operator", "en")]
    [InlineData("admin", "zh-CN")]
    [InlineData("seeker", "en")]
    public async Task Every_link_of_the_top_bar_shows_whole_from_tablet_to_desktop_width(string role, string language)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, role, DemoAccounts.Password);
        if (language == "en") await page.GotoAsync("/Culture?culture=en&returnUrl=/");
        var failures = new List<string>();
        foreach (var width in new[] { 768, 900, 1024, 1180, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync("/Inbox");
            Assert.True(await page.Locator(".mainnav").IsVisibleAsync(), $"{width} px: the navigation is hidden behind the menu button");
            failures.AddRange((await page.EvaluateAsync<JsonElement>(Collisions)).EnumerateArray().Select(p => $"{width} px: {p.GetString()}"));
            if (width == 1024)
                await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, $"topbar-{role}-{language}-1024.png") });
        }
        Assert.True(failures.Count == 0, $"{role} ({language}):\n" + string.Join("\n", failures));
        await context.CloseAsync();
    }
}
