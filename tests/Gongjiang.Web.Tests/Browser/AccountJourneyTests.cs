using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Accounts as people open them: a company registers with its licence and a verified phone, the operator approves it
/// with the licence in view, its HR publishes, a seeker applies and the HR opens the applicant's résumé from the board
/// (the seeker then sees 已查看); a seeker who forgot the password resets it by SMS code and signs in.
/// The codes are read from the development SMS sender's outbox, as a person reads them on the phone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccountJourneyTests(WebAppFixture web)
{
    /// <summary>A real 1×1 PNG, so the operator's page can show it.</summary>
    private static readonly byte[] LicenceImage = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>
    /// 获取验证码 as a person taps it: when the page says to wait before another code (the fixture's interval is a second),
    /// tap again once it has passed.
    /// </summary>
    private async Task SendCodeAsync(IPage page, string phone)
    {
        await page.FillAsync("#Phone", phone);
        for (var attempt = 0; ; attempt++)
        {
            await page.ClickAsync("button[formaction='?handler=SendCode']");
            await Expect(page.Locator(".alert-ok, .alert-error")).ToBeVisibleAsync();
            if (await page.Locator(".alert-ok").CountAsync() > 0) break;
            Assert.True(attempt < 3 && (await page.Locator(".alert-error").InnerTextAsync()).Contains("秒后再获取验证码", StringComparison.Ordinal),
                await page.Locator(".alert-error").InnerTextAsync());
            await page.WaitForTimeoutAsync(1_200);
        }
        await page.FillAsync("#Code", web.LatestSmsCode(phone) ?? "no code was sent");
    }

    [Fact]
    public async Task A_company_registers_the_operator_approves_it_with_the_licence_in_view_its_HR_publishes_and_opens_an_applicants_resume()
    {
        const string company = "青岛瑞航精工装备有限公司";
        var page = await web.NewPageAsync();
        await page.GotoAsync("/Account/RegisterEmployer");
        await SendCodeAsync(page, "13655550002");
        await page.FillAsync("#PersonName", "孙立");
        await page.FillAsync("#UserName", "ruihang_admin");
        await page.FillAsync("#Password", "Ruihang-2026");
        await page.FillAsync("#CompanyName", company);
        await page.FillAsync("#Uscc", "91370211MA3C9M6T8L");
        await page.FillAsync("#LicensedName", company);
        await page.SetInputFilesAsync("#BusinessLicence", new FilePayload { Name = "licence.png", MimeType = "image/png", Buffer = LicenceImage });
        await page.SelectOptionAsync("#City", "370200");
        await page.SelectOptionAsync("#IndustryCluster", "智能制造");
        await page.ClickAsync("button.btn-block[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/Employer/Company"));

        var op = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(op, "operator", DemoAccounts.Password);
        await op.GotoAsync("/Operator/Employers?status=pending&q=" + Uri.EscapeDataString("瑞航"));
        var review = op.Locator("article.review", new() { HasText = company });
        await Expect(review.Locator(".business-licence img")).ToBeVisibleAsync();
        Assert.Equal(1, await review.Locator(".business-licence img").EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth, () => 0)")); // served and decoded (waits for it to load)
        await Expect(review).ToContainTextAsync("91370211MA3C9M6T8L");
        await Expect(review).ToContainTextAsync("名称一致");
        await op.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "operator-review-with-licence.png"), FullPage = true });
        await review.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(op.Locator(".alert-ok")).ToContainTextAsync(company);

        await WebAppFixture.SignInAsync(page, "ruihang_admin", "Ruihang-2026");
        var title = "数控车工" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await page.GotoAsync("/Employer/Jobs/Edit");
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_OccupationCode", "6-18-01-01");
        await page.SelectOptionAsync("#Form_MinGrade", "3");
        await page.FillAsync("#Form_Headcount", "2");
        await page.FillAsync("#Form_SalaryMin", "7000");
        await page.FillAsync("#Form_SalaryMax", "10000");
        await page.FillAsync("#Form_Skills_0__Name", "数控车床编程与操作");
        await page.FillAsync("#Form_Description", "负责数控车床的编程与零件加工，五险一金，长白班。");
        await page.ClickAsync("#save-button");
        var row = page.Locator("#own-jobs tbody tr", new() { HasText = title });
        await row.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("岗位已发布");
        var jobId = await row.GetAttributeAsync("data-job-id");

        // Before the seeker applies, the company sees the résumé only as the seeker shares it with the zone: masked, or
        // not at all. Looking then does not count as viewing an application.
        var (talentId, shared) = await DemoSeekerAsync();
        var before = await page.GotoAsync($"/Employer/Talent/View/{talentId}?from=search");
        if (shared) await Expect(page.Locator("#talent-name")).ToHaveTextAsync(new Regex("^.\\*+$"));
        else Assert.Equal(404, before!.Status);

        // The seeker applies; the HR opens the applicant's résumé from the board: applying handed the contact data to
        // this company, so the name shows in full, with the application's stage and the way back.
        var seeker = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(seeker, "seeker", DemoAccounts.Password);
        await seeker.GotoAsync($"/Jobs/Detail/{jobId}");
        await seeker.ClickAsync("#apply");
        await Expect(seeker).ToHaveURLAsync(new Regex("/Seeker/Applications$"));
        var mine = seeker.Locator($".application:has(a[href='/Jobs/Detail/{jobId}'])");
        await Expect(mine.Locator(".not-viewed")).ToBeVisibleAsync();

        await page.GotoAsync($"/Employer/Jobs/Board/{jobId}");
        var card = page.Locator("#board .board-card").First;
        var boardName = (await card.Locator("strong").First.InnerTextAsync()).Trim();
        Assert.DoesNotContain("*", boardName, StringComparison.Ordinal);
        await card.Locator("a.open-resume").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Employer/Talent/View/{talentId}\\?from=board&application="));
        await Expect(page.Locator("#talent-name")).ToHaveTextAsync(boardName);
        await Expect(page.Locator("#contact")).ToHaveAttributeAsync("data-revealed", "name,phone,email");
        await Expect(page.Locator("#from-application .stage")).ToHaveTextAsync("已申请");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-resume-from-board.png"), FullPage = true });
        await page.Locator("#resume-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Employer/Jobs/Board/{jobId}$"));

        // On a phone, in Chinese and English: the card with its details and the résumé fit the screen.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var language in new[] { "zh", "en" })
        {
            if (language == "en") await page.GotoAsync($"/Culture?culture=en&returnUrl=/Employer/Jobs/Board/{jobId}");
            await Expect(page.Locator("#board .board-card .candidate")).ToBeVisibleAsync();
            await PhoneShotAsync(page, $"phone-journey-{language}-board.png");
            await page.Locator("#board .board-card a.open-resume").ClickAsync();
            await Expect(page.Locator("#from-application")).ToBeVisibleAsync();
            await PhoneShotAsync(page, $"phone-journey-{language}-resume-from-board.png");
            await page.GoBackAsync();
        }

        // The seeker sees that HR viewed the application, with the time.
        await seeker.ReloadAsync();
        await Expect(mine.Locator(".viewed")).ToContainTextAsync(new Regex("已查看 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        await seeker.SetViewportSizeAsync(390, 844);
        await PhoneShotAsync(seeker, "phone-journey-zh-seeker-applications.png");
        await seeker.GotoAsync("/Culture?culture=en&returnUrl=/Seeker/Applications");
        await Expect(mine.Locator(".viewed")).ToContainTextAsync("Viewed");
        await PhoneShotAsync(seeker, "phone-journey-en-seeker-applications.png");
    }

    [Fact]
    public async Task A_seeker_who_forgot_the_password_resets_it_by_SMS_code_and_signs_in()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#UserName", "ma_lan");
        await page.FillAsync("#Name", "马兰");
        await SendCodeAsync(page, "13655550001");
        await page.FillAsync("#BirthYear", "1997");
        await page.FillAsync("#Password", "Malan-pass-2026");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button.btn-block[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/Seeker/MyData"));

        var other = await web.NewPageAsync(); // another browser, not signed in
        await other.GotoAsync("/Account/Login");
        await other.ClickAsync("a[href='/Account/ForgotPassword']");
        await SendCodeAsync(other, "13655550001");
        await other.FillAsync("#NewPassword", "Malan-new-2027");
        await other.ClickAsync("button.btn-block[type=submit]");
        await Expect(other.Locator(".alert-ok")).ToContainTextAsync("密码已重置");
        await other.FillAsync("#UserName", "13655550001"); // by the number
        await other.FillAsync("#Password", "Malan-new-2027");
        await other.ClickAsync("main form button[type=submit]");
        await Expect(other).ToHaveURLAsync(new Regex("/Seeker/"));
        await other.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "seeker-after-reset.png") });
    }

    /// <summary>A full-page screenshot at phone width, after checking the page does not scroll sideways.</summary>
    private static async Task PhoneShotAsync(IPage page, string name)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), page.Url + " scrolls sideways at 390 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, name), FullPage = true });
    }

    /// <summary>The demo seeker's profile and whether it is shared with the zone (which decides what a company sees before an application).</summary>
    private async Task<(string TalentId, bool Shared)> DemoSeekerAsync()
    {
        using var scope = web.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Persistence.AppDbContext>();
        var talentId = await db.Users.Where(u => u.UserName == "seeker").Select(u => u.TalentId).SingleAsync();
        Assert.NotNull(talentId);
        return (talentId, await db.Talent.Where(t => t.Id == talentId).Select(t => t.SharedWithZone && t.IsActive).SingleAsync());
    }
}
