using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>The three matching pages: 推荐人才 on a job, 为你推荐 with its non-personalized switch, and the fairness report.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MatchingPagesTests(WebAppFixture web)
{
    [Fact]
    public async Task An_employer_sees_recommended_talent_for_a_job_with_reasons()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "hr", DemoAccounts.Password);
        await page.GotoAsync("/Employer/Jobs/Recommendations");
        await page.Locator("#open-jobs a", new() { HasText = "查看推荐" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Employer/Jobs/Recommendations/", StringComparison.Ordinal));

        await Expect(page.Locator("h1")).ToContainTextAsync("推荐人才 · ");
        var rows = page.Locator("#recommended-talent tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        // Every recommendation says why: an occupation tag, the salary and location fit.
        await Expect(rows.First.Locator(".match-reasons")).ToBeVisibleAsync();
        await Expect(rows.First.Locator(".match-reasons .tag").First).ToBeVisibleAsync();
        Assert.Equal(await rows.CountAsync(), await page.Locator("#recommended-talent tbody tr .match-reasons").CountAsync());
        // Names are masked and no contact details are shown.
        Assert.DoesNotMatch(@"1[3-9]\d{9}", await page.Locator("#recommended-talent").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-recommended-talent.png"), FullPage = true });
    }

    [Fact]
    public async Task A_seeker_sees_recommended_jobs_with_reasons_and_can_switch_personalization_off_and_on()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "seeker", DemoAccounts.Password);
        await page.GotoAsync("/Seeker/Recommendations");
        var toggle = page.Locator("#personalization-switch");
        if (await toggle.GetAttributeAsync("aria-checked") == "false")
            await toggle.ClickAsync(); // a state left by an earlier run of this page

        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
        var rows = page.Locator("#recommended-jobs tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(rows.First.Locator(".match-reasons")).ToBeVisibleAsync();
        await Expect(page.Locator(".page-head p.muted")).ToContainTextAsync("每条都附推荐理由");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "seeker-recommendations.png"), FullPage = true });

        await toggle.ClickAsync();
        await Expect(page.Locator("#personalization-switch")).ToHaveAttributeAsync("aria-checked", "false");
        await Expect(page.Locator(".page-head p.muted")).ToContainTextAsync("当前为非个性化推荐");
        await Expect(page.Locator("#recommended-jobs .match-reasons")).ToHaveCountAsync(0);
        await Expect(page.Locator("#recommended-jobs tbody tr").First).ToContainTextAsync("非个性化推荐：按发布时间与招聘人数排序");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "seeker-recommendations-non-personalized.png"), FullPage = true });

        // The choice is kept: a new visit shows the same, until switched back on.
        await page.GotoAsync("/Seeker/Recommendations");
        await Expect(page.Locator("#personalization-switch")).ToHaveAttributeAsync("aria-checked", "false");
        await page.Locator("#personalization-switch").ClickAsync();
        await Expect(page.Locator("#personalization-switch")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator("#recommended-jobs .match-reasons").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_operator_sees_recommendation_and_interview_rates_by_gender_and_age_band()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "operator", DemoAccounts.Password);
        await page.GotoAsync("/Operator/Fairness");

        await Expect(page.Locator("h1")).ToHaveTextAsync("公平性监测");
        foreach (var dimension in new[] { "gender", "age" })
        {
            var section = page.Locator($"#fairness-{dimension}");
            await Expect(section.Locator("tbody tr").First).ToBeVisibleAsync();
            await Expect(section.Locator("thead")).ToContainTextAsync("被推荐率");
            await Expect(section.Locator("thead")).ToContainTextAsync("面试率");
        }
        await Expect(page.Locator("#fairness-gender tbody tr[data-group='male']")).ToContainTextAsync("男");
        await Expect(page.Locator("#fairness-gender tbody tr[data-group='female']")).ToContainTextAsync("女");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "operator-fairness.png"), FullPage = true });
    }
}
