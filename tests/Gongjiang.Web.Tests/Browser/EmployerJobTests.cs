using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EmployerJobTests(WebAppFixture web)
{
    [Fact]
    public async Task A_verified_employer_posts_a_job_in_the_editor_publishes_it_and_seekers_find_it()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "hr", DemoAccounts.Password);

        var title = "数控车工（三级）" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.GotoAsync("/Employer/Jobs/Edit");
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_OccupationCode", "6-18-01-01");
        await page.SelectOptionAsync("#Form_MinGrade", "3");
        await page.FillAsync("#Form_Headcount", "3");
        await page.FillAsync("#Form_SalaryMin", "8000");
        await page.FillAsync("#Form_SalaryMax", "12000");
        await page.SelectOptionAsync("#Form_EducationMin", "secondary_vocational");
        await page.FillAsync("#Form_ExperienceMinYears", "2");
        await page.FillAsync("#Form_Skills_0__Name", "数控车床编程与操作");
        await page.FillAsync("#Form_Skills_0__Weight", "60");
        await page.FillAsync("#Form_Skills_1__Name", "精密测量");
        await page.FillAsync("#Form_Description", "负责数控车床的编程、调试与零件加工，两班倒，五险一金，提供员工宿舍。");

        // The preview shows the posting as seekers will see it, before anything is saved.
        await page.ClickAsync("#preview-button");
        var preview = page.Locator("#preview");
        await Expect(preview.Locator("h1")).ToHaveTextAsync(title);
        await Expect(preview).ToContainTextAsync("三级/高级工");
        await Expect(preview).ToContainTextAsync("车工");
        await Expect(preview).ToContainTextAsync("40%"); // the row left empty takes what is left of 100 %

        await page.ClickAsync("#save-button");
        await Expect(page).ToHaveURLAsync(new Regex("/Employer/Jobs$"));
        var row = page.Locator("#own-jobs tbody tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("草稿");

        await row.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("岗位已发布");
        await Expect(page.Locator("#own-jobs tbody tr", new() { HasText = title })).ToContainTextAsync("招聘中");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-jobs-after-publish.png"), FullPage = true });

        // Anyone searching the open jobs now finds it, and its page states the grade in words.
        var seeker = await web.NewPageAsync();
        await seeker.GotoAsync("/Jobs?q=" + Uri.EscapeDataString(title));
        var card = seeker.Locator(".job-card", new() { HasText = title });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("8,000–12,000");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "jobs-search-finds-new-job.png"), FullPage = true });
        await card.ClickAsync();
        await Expect(seeker.Locator("h1")).ToHaveTextAsync(title);
        await Expect(seeker.Locator(".job-view")).ToContainTextAsync("三级/高级工");
        await Expect(seeker.Locator(".job-view")).ToContainTextAsync("数控车床编程与操作");
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "job-detail.png"), FullPage = true });
    }

    [Fact]
    public async Task The_editor_keeps_what_was_typed_and_marks_the_wrong_fields()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "hr", DemoAccounts.Password);
        await page.GotoAsync("/Employer/Jobs/Edit");
        await page.FillAsync("#Form_Title", "储罐焊工");
        await page.FillAsync("#Form_SalaryMin", "12000");
        await page.FillAsync("#Form_SalaryMax", "9000");
        await page.FillAsync("#Form_Skills_0__Name", "氩弧焊");
        await page.ClickAsync("#save-button");

        await Expect(page.Locator(".alert-error")).ToBeVisibleAsync();
        Assert.Contains("/Employer/Jobs/Edit", page.Url);
        await Expect(page.Locator(".field-error", new() { HasText = "最低值 12000 高于最高值 9000" })).ToBeVisibleAsync();
        await Expect(page.Locator("#Form_SalaryMin")).ToHaveClassAsync("invalid");
        await Expect(page.Locator("#Form_Title")).ToHaveValueAsync("储罐焊工");
        await Expect(page.Locator("#Form_Skills_0__Name")).ToHaveValueAsync("氩弧焊");
    }

    [Fact]
    public async Task A_discriminatory_posting_is_saved_but_not_published_and_the_editor_says_why()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "hr", DemoAccounts.Password);
        var title = "电工" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.GotoAsync("/Employer/Jobs/Edit");
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_OccupationCode", "6-31-01-03");
        await page.FillAsync("#Form_SalaryMin", "6000");
        await page.FillAsync("#Form_SalaryMax", "8000");
        await page.FillAsync("#Form_Description", "负责厂区配电设备维护，限男性，持低压电工证。");
        await page.ClickAsync("#publish-button");

        await Expect(page.Locator(".alert-error")).ToContainTextAsync("未通过发布审核");
        await Expect(page.Locator("#screening")).ToContainTextAsync("性别歧视");
        await Expect(page.Locator("#Form_Title")).ToHaveValueAsync(title);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "editor-screening-refusal.png"), FullPage = true });

        await page.GotoAsync("/Jobs?q=" + Uri.EscapeDataString(title));
        await Expect(page.Locator(".job-card")).ToHaveCountAsync(0);
    }
}
