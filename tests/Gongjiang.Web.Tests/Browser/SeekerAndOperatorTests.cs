using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SeekerAndOperatorTests(WebAppFixture web)
{
    [Fact]
    public async Task A_seeker_sees_each_wrong_field_in_place_and_saves_once_corrected()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "seeker", DemoAccounts.Password);
        await page.GotoAsync("/Seeker/Profile");
        await Expect(page.Locator("#Form_Phone")).ToHaveAttributeAsync("readonly", ""); // the number changes with a code (/Seeker/Phone)
        await page.FillAsync("#Form_Email", "not-an-address");
        var lastRow = page.Locator("input[name$='].Code']").Last;
        await lastRow.FillAsync("9-99-99-99");
        await page.ClickAsync("#save-profile");

        await Expect(page.Locator(".alert-error")).ToContainTextAsync("2");
        await Expect(page.Locator(".field-error", new() { HasText = "请输入有效的电子邮箱" })).ToBeVisibleAsync();
        await Expect(page.Locator(".field-error", new() { HasText = "未知的职业代码“9-99-99-99”" })).ToBeVisibleAsync();
        await Expect(page.Locator("#Form_Email")).ToHaveValueAsync("not-an-address");

        await page.FillAsync("#Form_Email", "seeker@example.com");
        await page.Locator("input[value='9-99-99-99']").FillAsync("电工"); // a name is taken for its code
        await page.ClickAsync("#save-profile");
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("简历已保存");
        await Expect(page.Locator("input[value='6-31-01-03']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_operator_must_give_a_reason_to_reject_and_can_approve_an_employer()
    {
        var page = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "operator", DemoAccounts.Password);
        await page.GotoAsync("/Operator/Employers");
        var first = page.Locator("article.review").First;
        var name = (await first.Locator(".review-name").InnerTextAsync()).Trim();

        await first.GetByRole(AriaRole.Button, new() { Name = "驳回" }).ClickAsync();
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("驳回时请填写审核意见");

        var card = page.Locator("article.review", new() { HasText = name });
        await card.Locator("textarea").FillAsync("营业执照与信用代码一致");
        await card.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync(name);
        await Expect(page.Locator("article.review", new() { HasText = name })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "operator-review-queue.png") });
    }
}
