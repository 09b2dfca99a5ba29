using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Search as people type it and the operator's trends in a real browser over the demo zone: a seeker's several words and
/// filters, HR's talent search by an everyday title, the weekly chart on a desktop and its table on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchAndReportsTests(WebAppFixture web)
{
    private static string Shot(string name) => Path.Combine(WebAppFixture.ScreenshotDirectory, name + ".png");

    private async Task<IPage> PhoneAsync(string? role, string language)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        if (role is not null) await WebAppFixture.SignInAsync(page, role, DemoAccounts.Password);
        if (language == "en") await page.GotoAsync("/Culture?culture=en&returnUrl=/");
        return page;
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_seeker_searches_with_several_words_and_filters_on_a_phone(string language)
    {
        var page = await PhoneAsync(null, language);
        await page.GotoAsync("/Jobs");
        await page.FillAsync("input[name=q]", "电焊工 青岛");
        await page.ClickAsync("#job-search .filter-actions button");
        await Expect(page.Locator("[data-word=occupation]")).ToContainTextAsync("焊工");
        await Expect(page.Locator("[data-word=city]")).ToBeVisibleAsync();
        await Expect(page.Locator(".job-card").First).ToBeVisibleAsync();
        await Expect(page.Locator(".job-card .job-posted").First).ToBeVisibleAsync();
        // More filters: pay and the newest sort, kept in the form after searching.
        await page.ClickAsync(".more-filters > summary");
        await page.FillAsync("input[name=payMin]", "6000");
        await page.SelectOptionAsync("select[name=sort]", "pay");
        await page.ClickAsync("#job-search .filter-actions button");
        await Expect(page.Locator("input[name=payMin]")).ToHaveValueAsync("6000");
        await Expect(page.Locator("select[name=sort]")).ToHaveValueAsync("pay");
        await page.ScreenshotAsync(new() { Path = Shot($"search-jobs-phone-{language}") });
        var pays = await page.Locator(".job-card .job-salary").AllInnerTextsAsync();
        Assert.NotEmpty(pays);

        await page.GotoAsync("/Jobs?sort=cheapest&posted=2");
        await Expect(page.Locator("#job-search .alert-error")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"search-jobs-bad-{language}") });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Hr_finds_talent_by_an_everyday_title_on_a_phone(string language)
    {
        var page = await PhoneAsync("hr", language);
        await page.GotoAsync("/Employer/Talent?q=" + Uri.EscapeDataString("电焊工 青岛"));
        await Expect(page.Locator(".talent-card").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"search-talent-phone-{language}") });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_operator_sees_weekly_trends_as_a_chart_on_a_desktop_and_a_table_on_a_phone(string language)
    {
        var phone = await PhoneAsync("operator", language);
        await phone.GotoAsync("/Operator#trends");
        await Expect(phone.Locator("#trend-table tbody tr")).ToHaveCountAsync(12);
        await Expect(phone.Locator("#chart-weekly")).ToBeHiddenAsync();
        await phone.Locator("#trends").ScreenshotAsync(new() { Path = Shot($"operator-trends-phone-{language}") });
        await phone.Context.CloseAsync();

        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "operator", DemoAccounts.Password);
        if (language == "en") await page.GotoAsync("/Culture?culture=en&returnUrl=/");
        await page.GotoAsync("/Operator");
        await page.FillAsync("input[name=from]", "2026-09-01");
        await page.ClickAsync("#trends form.report-range .filter-actions button");
        await Expect(page.Locator("input[name=from]")).ToHaveValueAsync("2026-09-01");
        await Expect(page.Locator("#chart-weekly svg")).ToBeVisibleAsync();   // ECharts, served from wwwroot/lib
        await Expect(page.Locator("#trend-table tbody tr").First).ToContainTextAsync("2026-09-01");
        await page.Locator("#trends").ScreenshotAsync(new() { Path = Shot($"operator-trends-desktop-{language}") });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#monthly-report button"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
