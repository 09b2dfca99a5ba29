using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ComplaintTests(WebAppFixture web)
{
    [Fact]
    public async Task A_seeker_reports_a_job_an_operator_upholds_it_and_the_job_disappears_from_search()
    {
        var hr = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", DemoAccounts.Password);
        await hr.GotoAsync("/Employer/Jobs?status=open");
        // Not the first open job, which the recruiting test applies to.
        var jobId = await hr.Locator("#own-jobs tbody tr").Nth(2).GetAttributeAsync("data-job-id");
        Assert.NotNull(jobId);

        // The seeker reports the job from its page and sees the report waiting.
        var seeker = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(seeker, "seeker", DemoAccounts.Password);
        await seeker.GotoAsync($"/Jobs/Detail/{jobId}");
        var title = (await seeker.Locator("main h1").First.InnerTextAsync()).Trim();
        await seeker.ClickAsync("#report-job");
        await seeker.CheckAsync("#report-form input[name=category][value=fees_deposits]");
        await seeker.FillAsync("#description", "电话沟通时要求先交 500 元服装费才能安排面试。");
        await seeker.FillAsync("#evidence", "通话时间 11 月 20 日上午");
        await seeker.ClickAsync("#submit-report");
        await Expect(seeker).ToHaveURLAsync(new Regex("/Seeker/Reports$"));
        var report = seeker.Locator("#my-reports .report").First;
        await Expect(report.Locator(".status")).ToHaveTextAsync("待处理");

        // The operator takes it on and upholds it: the posting is taken down.
        var op = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(op, "operator", DemoAccounts.Password);
        await op.GotoAsync("/Operator/Complaints");
        var card = op.Locator($"#complaints .complaint[data-job-id='{jobId}']");
        await card.Locator("button.assign").ClickAsync();
        card = op.Locator($"#complaints .complaint[data-job-id='{jobId}']");
        await Expect(card.Locator(".status")).ToHaveTextAsync("调查中");
        await card.Locator("textarea[name=reason]").FillAsync("电话核实，确有收取服装费");
        await card.Locator("button.uphold").ClickAsync();
        await Expect(op.Locator(".alert-ok")).ToContainTextAsync("举报属实，已处理。");
        await op.GotoAsync("/Operator/Complaints?status=upheld");
        await Expect(op.Locator($"#complaints .complaint[data-job-id='{jobId}'] .job-status")).ToHaveTextAsync("已下架");
        await op.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "operator-complaints-upheld.png"), FullPage = true });

        // Gone from search and from its page; the reporter sees the outcome; the employer sees why.
        var visitor = await web.NewPageAsync();
        await visitor.GotoAsync("/Jobs?q=" + Uri.EscapeDataString(title));
        await Expect(visitor.Locator($"a[href='/Jobs/Detail/{jobId}']")).ToHaveCountAsync(0);
        // Its page says it was taken down and why (410 Gone), instead of a bare "not found".
        var detail = await seeker.GotoAsync($"/Jobs/Detail/{jobId}");
        Assert.Equal(410, detail!.Status);
        await Expect(seeker.Locator("#taken-down h1")).ToHaveTextAsync("该岗位已被平台下架");
        await Expect(seeker.Locator("#takedown-reason")).ToContainTextAsync("电话核实，确有收取服装费");
        await Expect(seeker.Locator("#apply")).ToHaveCountAsync(0);
        await seeker.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "job-taken-down-seeker.png"), FullPage = true });
        await seeker.GotoAsync("/Seeker/Reports");
        await seeker.ReloadAsync();
        await Expect(seeker.Locator($"#my-reports .report").First.Locator(".status")).ToHaveTextAsync("举报属实");
        await hr.GotoAsync("/Employer/Company");
        await Expect(hr.Locator($"#taken-down li[data-job-id='{jobId}'] .takedown-reason")).ToContainTextAsync("电话核实，确有收取服装费");
    }
}
