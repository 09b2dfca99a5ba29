using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>The interactive API reference at /api/docs works from the app alone: every request it makes goes to the app's own host.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApiDocsTests(WebAppFixture web)
{
    [Fact]
    public async Task The_api_reference_loads_and_asks_no_other_host_for_anything()
    {
        var page = await web.NewPageAsync();
        var requests = new List<string>();
        var blocked = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        page.Console += (_, message) => { if (message.Type == "error") lock (blocked) blocked.Add(message.Text); };
        await page.GotoAsync("/api/docs/");
        // The reference renders the document: its tags (areas) show.
        await Expect(page.GetByText("API clients").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "api-docs.png") });
        var own = new Uri(web.BaseUrl).Authority;
        List<string> elsewhere;
        lock (requests) elsewhere = requests.Where(u => u.StartsWith("http", StringComparison.Ordinal) && new Uri(u).Authority != own).ToList();
        Assert.True(elsewhere.Count == 0, "requests to other hosts: " + string.Join(", ", elsewhere));
        Assert.DoesNotContain(blocked, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }
}
