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

    private async Task<IPage> PhoneAsync(string user, string locale)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await WebAppFixture.SignInAsync(page, user, DemoAccounts.Password);
        if (locale == "en") await page.GotoAsync("/Culture?culture=en&returnUrl=/");
        return page;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, name), FullPage = true });

    /// <summary>The screen as the phone shows it with <paramref name="part"/> in view.</summary>
    private static async Task ShotAtAsync(IPage page, ILocator part, string name)
    {
        await part.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, name) });
    }

    [Fact]
    public async Task The_editor_suggests_occupations_for_everyday_titles_and_asks_to_confirm_before_publishing_and_a_seeker_saves_an_everyday_name()
    {
        var page = await PhoneAsync("hr", "zh-CN");
        await page.GotoAsync("/Employer/Jobs/Edit");
        var best = page.Locator("#occ-suggest .chip-best");

        // While HR types, the best occupation shows with its confidence and alternatives; nothing is filled in.
        await page.Locator("#Form_Title").PressSequentiallyAsync("急招电焊工 包吃住");
        await Expect(best).ToContainTextAsync("焊工");
        await Expect(best).ToContainTextAsync("6-18-02-04");
        await Expect(best.Locator(".confidence")).ToContainTextAsync("%");
        Assert.InRange(await page.Locator("#occ-suggest .chip-button").CountAsync(), 3, 4);
        await Expect(page.Locator("#Form_OccupationCode")).ToHaveValueAsync("");
        await ShotAsync(page, "editor-occupation-suggestion-zh-390.png");

        await page.FillAsync("#Form_Title", "");
        await page.Locator("#Form_Title").PressSequentiallyAsync("CNC操机师傅");
        await Expect(best).ToContainTextAsync(new Regex("多工序数控机床操作调整工|车工"));

        var title = "CNC操机师傅" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_SalaryMin", "8000");
        await page.FillAsync("#Form_SalaryMax", "12000");
        await page.FillAsync("#Form_Skills_0__Name", "数控车床编程与操作");
        await page.FillAsync("#Form_Description", "负责数控车床操作与首件检验，两班倒，五险一金。");
        await page.ClickAsync("#publish-button");

        // Not published: the editor asks HR to confirm, with the title's readings to pick from.
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("请先确认岗位的职业");
        await Expect(best).ToContainTextAsync(new Regex("多工序数控机床操作调整工|车工"));
        await best.ClickAsync();
        await Expect(page.Locator("#occ-confirmed")).ToContainTextAsync(new Regex("多工序数控机床操作调整工|车工"));

        // Skills as HR types them are shown with the standard item they are read as, to confirm or refuse.
        await page.Locator("#Form_Skills_1__Name").PressSequentiallyAsync("CNC编程");
        var reading = page.Locator("#skill-readings li[data-written='CNC编程']");
        await Expect(reading.Locator(".item")).ToHaveTextAsync(new Regex("数控"));
        await Expect(reading.Locator(".confidence")).ToContainTextAsync("%");
        await ShotAtAsync(page, reading, "editor-skill-reading-zh-390.png");
        await reading.GetByRole(AriaRole.Button, new() { Name = "是这个" }).ClickAsync();
        await Expect(reading).ToContainTextAsync("已确认");
        await page.ClickAsync("#publish-button");
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("岗位已发布");
        await page.Locator("#own-jobs tbody tr", new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "编辑" }).First.ClickAsync();
        await Expect(page.Locator("#skill-readings li[data-written='CNC编程']")).ToContainTextAsync("已确认");

        var english = await PhoneAsync("hr", "en");
        await english.GotoAsync(page.Url);
        await ShotAtAsync(english, english.Locator("#skill-readings"), "editor-skill-reading-en-390.png");
        await english.GotoAsync("/Employer/Jobs/Edit");
        await english.Locator("#Form_Title").PressSequentiallyAsync("急招电焊工 包吃住");
        await Expect(english.Locator("#occ-suggest .chip-best")).ToContainTextAsync("Most likely");
        await ShotAsync(english, "editor-occupation-suggestion-en-390.png");

        // A seeker types an everyday name and it is saved as the standard occupation.
        var seeker = await PhoneAsync("seeker", "zh-CN");
        await seeker.GotoAsync("/Seeker/Profile");
        await seeker.Locator("input[name$='].Code']").Last.FillAsync("电焊工");
        await seeker.ClickAsync("#save-profile");
        await Expect(seeker.Locator(".alert-ok")).ToContainTextAsync("简历已保存");
        await Expect(seeker.Locator("input[name$='].Code'][value='6-18-02-04']")).ToHaveCountAsync(1);
        await Expect(seeker.Locator(".occupation-rows")).ToContainTextAsync("电焊工（焊工）");
        await ShotAtAsync(seeker, seeker.Locator(".occupation-rows"), "seeker-profile-typed-name-zh-390.png");
        await ShotAtAsync(seeker, seeker.Locator("#skill-readings"), "seeker-profile-skill-readings-zh-390.png");
        var seekerProfileEn = await PhoneAsync("seeker", "en");
        await seekerProfileEn.GotoAsync("/Seeker/Profile");
        await ShotAtAsync(seekerProfileEn, seekerProfileEn.Locator("#skill-readings"), "seeker-profile-skill-readings-en-390.png");

        // The recommendations pages as people read them: a level, the reasons once, an action per row.
        await seeker.GotoAsync("/Seeker/Recommendations");
        var jobRow = seeker.Locator("#recommended-jobs tbody tr").First;
        await Expect(jobRow.Locator(".match-level")).ToContainTextAsync(new Regex(@"\d+%\s*[高中低]"));
        await Expect(jobRow.Locator("button[data-apply]")).ToHaveTextAsync("申请");
        await ShotAsync(seeker, "seeker-recommendations-zh-390.png");
        var seekerEn = await PhoneAsync("seeker", "en");
        await seekerEn.GotoAsync("/Seeker/Recommendations");
        await ShotAsync(seekerEn, "seeker-recommendations-en-390.png");

        await page.GotoAsync("/Employer/Jobs/Recommendations");
        await page.Locator("#open-jobs a.btn").Last.ClickAsync();
        var talentRow = page.Locator("#recommended-talent tbody tr").First;
        await Expect(talentRow.Locator(".match-level")).ToContainTextAsync("%");
        await Expect(talentRow.Locator("a.view-resume")).ToHaveAttributeAsync("href", new Regex("^/Employer/Talent/View/"));
        await ShotAsync(page, "employer-recommendations-zh-390.png");
        await english.GotoAsync(page.Url);
        await ShotAsync(english, "employer-recommendations-en-390.png");
    }
}
