using System.Text;
using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// A seeker on a phone saves a job from its page and finds it under 我的收藏, blocks its company and lifts the block,
/// writes work history with a wrong date first, has a fake PDF refused with the reason, uploads a real one and downloads
/// the résumé as PDF; screenshots of each page at 390 px in Chinese and English.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SeekerToolsTests(WebAppFixture web)
{
    private static string Shot(string name) => Path.Combine(WebAppFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_seeker_saves_a_job_blocks_its_company_and_keeps_work_history_and_attachments_on_a_phone()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "seeker", DemoAccounts.Password);

        // Save a job from its page.
        await page.GotoAsync("/Jobs");
        var href = await page.Locator("a.job-card").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        var title = (await page.Locator(".job-head h1").InnerTextAsync()).Trim();
        await page.ClickAsync(".job-marks .mark-saved");
        await Expect(page.Locator(".job-marks .mark-saved")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GotoAsync("/Seeker/Saved");
        await Expect(page.Locator(".saved-job h2").First).ToContainTextAsync(title);
        await page.ScreenshotAsync(new() { Path = Shot("seeker-saved-zh.png"), FullPage = true });

        // Block its company from the job's page; it is listed, then unblocked.
        await page.GotoAsync(href!);
        await page.ClickAsync(".job-marks .block-company");
        await Expect(page).ToHaveURLAsync(new Regex("/Seeker/Blocked$"));
        await Expect(page.Locator(".blocked-company")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("seeker-blocked-zh.png"), FullPage = true });

        // Work history: an end before the start is refused on the field, then fixed and kept.
        await page.GotoAsync("/Seeker/Profile#work-history");
        await page.FillAsync("input[name='Work[0].Employer']", "青岛海卓精密机械有限公司");
        await page.FillAsync("input[name='Work[0].Title']", "氩弧焊工");
        await page.FillAsync("input[name='Work[0].Start']", "2021-03");
        await page.FillAsync("input[name='Work[0].End']", "2020-01");
        await page.FillAsync("textarea[name='Work[0].Duties']", "不锈钢管道焊接");
        await page.ClickAsync("#save-work");
        await Expect(page.Locator("#work-history .field-error, #work-history .error").First).ToContainTextAsync("结束时间不能早于开始时间");
        await page.FillAsync("input[name='Work[0].End']", "");
        await page.ClickAsync("#save-work");
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("工作经历已保存");
        await Expect(page.Locator("input[name='Work[0].Employer']")).ToHaveValueAsync("青岛海卓精密机械有限公司");

        // Attachments: a text file named .pdf is refused with the reason; a real PDF is listed.
        await page.SetInputFilesAsync("#attachment-file", new FilePayload { Name = "简历.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("不是PDF") });
        await page.ClickAsync("#upload-attachment");
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("PDF");
        await page.SetInputFilesAsync("#attachment-file", new FilePayload { Name = "简历.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n") });
        await page.ClickAsync("#upload-attachment");
        await Expect(page.Locator(".attachment-list li")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("seeker-profile-tools-zh.png"), FullPage = true });

        // The same pages in English, at the same width.
        await page.GotoAsync("/Culture?culture=en&returnUrl=/Seeker/Saved");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Saved jobs");
        await page.ScreenshotAsync(new() { Path = Shot("seeker-saved-en.png"), FullPage = true });
        await page.GotoAsync("/Seeker/Blocked");
        await page.ScreenshotAsync(new() { Path = Shot("seeker-blocked-en.png"), FullPage = true });
        await page.ClickAsync(".blocked-company .unblock");
        await Expect(page.Locator(".blocked-company")).ToHaveCountAsync(0);
        await page.GotoAsync("/Seeker/Profile#attachments");
        await page.ScreenshotAsync(new() { Path = Shot("seeker-profile-tools-en.png"), FullPage = true });
        await page.GotoAsync(href!);
        await page.ScreenshotAsync(new() { Path = Shot("job-detail-marks-en.png"), FullPage = true });
        await context.CloseAsync();
    }
}
