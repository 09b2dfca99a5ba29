using System.Globalization;
using System.Text;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ImportProgressTests(WebAppFixture web)
{
    [Fact]
    public async Task A_large_upload_is_followed_on_a_progress_page_that_refreshes_itself_on_a_phone_in_Chinese_and_English()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "hr", DemoAccounts.Password);

        // One valid job and 2,500 rows with a grade that is not a number: more rows than are imported at once.
        var csv = new StringBuilder("id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\n");
        csv.Append("JBROWSER1,氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接。,draft\n");
        for (var i = 0; i < 2_500; i++) csv.Append(CultureInfo.InvariantCulture, $"JBX{i:00000},氩弧焊工,6-18-02-04,x,370211,7000,11000,2,负责管道焊接。,draft\n");
        await page.GotoAsync("/Employer/Import");
        await page.SetInputFilesAsync("#upload-form input[type=file]", new FilePayload
        {
            Name = "jobs.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#preview-truncated")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the preview scrolls sideways at 390 px");
        await page.ClickAsync("#confirm-form button[type=submit]");

        await page.WaitForURLAsync(url => url.Contains("/Employer/ImportProgress/", StringComparison.Ordinal));
        await Expect(page.Locator("#task-bar")).ToBeVisibleAsync();
        await Expect(page.Locator("#task-counts [data-field=rowsTotal]")).ToHaveTextAsync("2501");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the progress page scrolls sideways at 390 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "import-progress-phone-zh.png"), FullPage = true });

        // The page follows the import by itself and shows its end: the rows not imported, with their lines.
        await Expect(page.Locator("#task-state")).ToContainTextAsync("导入完成");
        await Expect(page.Locator("#task-counts [data-field=skipped]")).ToHaveTextAsync("2500");
        await Expect(page.Locator("#task-errors .field-error").First).ToContainTextAsync("line 3: min_grade");
        await Expect(page.Locator("#cancel-import")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the ended import scrolls sideways at 390 px");

        var url = new Uri(page.Url).PathAndQuery;
        await page.GotoAsync("/Culture?culture=en&returnUrl=" + Uri.EscapeDataString(url));
        await Expect(page.Locator("#task-state")).ToContainTextAsync("Import finished");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Import progress");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the English progress page scrolls sideways at 390 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "import-progress-phone-en.png") });
        await context.CloseAsync();
    }
}
