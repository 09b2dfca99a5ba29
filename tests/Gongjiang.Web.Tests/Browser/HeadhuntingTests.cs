using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Gongjiang.Web.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HeadhuntingTests(WebAppFixture web)
{
    [Fact]
    public async Task An_agency_creates_a_project_adds_two_candidates_hires_one_and_the_report_shows_the_rate()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "agency", DemoAccounts.Password);
        await page.GotoAsync("/Agency/Projects");
        var form = page.Locator("#new-project");
        await form.Locator("input[name='Form.Title']").FillAsync("数控技师专项寻访");
        await form.Locator("select[name='Form.ClientEmployerId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("input[name='Form.TargetHeadcount']").FillAsync("2");
        await form.Locator("select[name='Form.City']").SelectOptionAsync("370200");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Agency/Projects/H[0-9A-Z]+$"));
        // Nothing to do until the client employer's HR accepts the project.
        await Expect(page.Locator("#client-decision")).ToHaveTextAsync("待客户确认");
        await Expect(page.Locator("#suggestions")).ToHaveCountAsync(0);
        await web.Services.AcceptProjectAsync(page.Url.Split('/')[^1]);
        await page.ReloadAsync();
        await Expect(page.Locator("#client-decision")).ToHaveTextAsync("客户已接受");

        // Two candidates from the shared pool's suggestions.
        for (var i = 0; i < 2; i++)
        {
            await page.Locator("#suggestions tr[data-suggestion] button").First.ClickAsync();
            await Expect(page.Locator("#candidates tr[data-candidate]")).ToHaveCountAsync(i + 1);
        }

        // The first one goes all the way to hired.
        var first = page.Locator("#candidates tr[data-candidate]").First;
        foreach (var stage in new[] { "已筛选", "已推荐", "已面试", "已到岗" })
        {
            await first.Locator("button[name=to]").First.ClickAsync();
            await Expect(page.Locator("#candidates tr[data-candidate]").First.Locator(".stage")).ToHaveTextAsync(stage);
            first = page.Locator("#candidates tr[data-candidate]").First;
        }
        await Expect(page.Locator("#delivery-rate")).ToContainTextAsync("50%");

        await page.ClickAsync("text=项目报告");
        await Expect(page).ToHaveURLAsync(new Regex("/Report$"));
        await Expect(page.Locator("#report-rate")).ToContainTextAsync("50%");
        await Expect(page.Locator("#report-summary")).ToContainTextAsync("到岗 1 人");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "agency-project-report.png"), FullPage = true });

        // The agency edits the project: a pay range upside down is refused with the reason, then a larger target, new fee
        // terms and a pause are saved together, and the delivery rate follows the new target.
        await page.GotoAsync(page.Url[..^"/Report".Length]);
        await page.Locator("#edit-project").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Agency/Projects/H[0-9A-Z]+/Edit$"));
        var edit = page.Locator("form#edit-project");
        await Expect(edit.Locator("input[name='Form.TargetHeadcount']")).ToHaveValueAsync("2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "agency-project-edit.png"), FullPage = true });
        await edit.Locator("input[name='Form.PayMin']").FillAsync("15000");
        await edit.Locator("input[name='Form.PayMax']").FillAsync("9000");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#project-problem")).ToContainTextAsync("下限不能高于上限");

        await edit.Locator("input[name='Form.PayMin']").FillAsync("9000");
        await edit.Locator("input[name='Form.PayMax']").FillAsync("15000");
        await edit.Locator("input[name='Form.TargetHeadcount']").FillAsync("4");
        await edit.Locator("textarea[name='Form.FeeTerms']").FillAsync("年薪的20%，候选人到岗满30天后支付");
        await edit.Locator("select[name='Form.Status']").SelectOptionAsync("paused");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Agency/Projects/H[0-9A-Z]+$"));
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("项目已保存");
        await Expect(page.Locator("#project-status")).ToHaveTextAsync("已暂停");
        await Expect(page.Locator("#delivery-rate")).ToContainTextAsync("25%");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("年薪的20%，候选人到岗满30天后支付");

        // Two copies of the edit page: the one saved second was loaded before the first save and is refused, changing nothing.
        var editUrl = page.Url + "/Edit";
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(editUrl);
        await page.GotoAsync(editUrl);
        await edit.Locator("input[name='Form.TargetHeadcount']").FillAsync("5");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("项目已保存");
        await other.Locator("form#edit-project input[name='Form.TargetHeadcount']").FillAsync("9");
        await other.Locator("form#edit-project button[type=submit]").ClickAsync();
        await Expect(other.Locator("#project-problem")).ToContainTextAsync("该项目刚被其他人修改过");
        await page.ReloadAsync();
        await Expect(page.Locator("#delivery-rate")).ToContainTextAsync("(1/5)");
    }

    [Fact]
    public async Task The_demo_agency_starts_with_a_project_for_the_demo_employer_with_candidates_along_the_funnel()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "agency", DemoAccounts.Password);
        await page.GotoAsync("/Agency/Projects");
        var demo = page.Locator("#projects tr[data-project]").Filter(new() { HasText = "·" }).First; // 「委托企业·工种寻访」
        await demo.Locator("a").ClickAsync();
        await Expect(page.Locator("#candidates tr[data-candidate]")).ToHaveCountAsync(6);
        foreach (var stage in new[] { "已寻访", "已筛选", "已推荐", "已面试", "已到岗", "已淘汰" })
            await Expect(page.Locator("#candidates tr[data-candidate] .stage").Filter(new() { HasTextString = stage })).ToHaveCountAsync(1);
    }
}
