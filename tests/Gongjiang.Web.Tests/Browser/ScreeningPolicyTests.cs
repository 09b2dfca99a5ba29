using Gongjiang.Application.DemoZone;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ScreeningPolicyTests(WebAppFixture web)
{
    [Fact]
    public async Task An_operator_switches_a_rule_to_warn_only_and_back_on_the_policy_page()
    {
        var op = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(op, "operator", DemoAccounts.Password);
        await op.GotoAsync("/Operator/Policy");
        var gender = op.Locator("#policy-form tr[data-rule=gender]");
        await Expect(gender.Locator("input[value=block]")).ToBeCheckedAsync();
        await gender.Locator("input[value=warn]").CheckAsync();
        await op.ClickAsync("#save-policy");
        await Expect(op.Locator(".alert-ok")).ToContainTextAsync("审核规则已保存，立即生效。");
        await Expect(op.Locator("#policy-form tr[data-rule=gender] input[value=warn]")).ToBeCheckedAsync();
        await Expect(op.Locator("#policy-form tr[data-rule=age] input[value=block]")).ToBeCheckedAsync();

        // Back to blocking, so the platform's default holds for everything else.
        await op.Locator("#policy-form tr[data-rule=gender] input[value=block]").CheckAsync();
        await op.ClickAsync("#save-policy");
        await Expect(op.Locator("#policy-form tr[data-rule=gender] input[value=block]")).ToBeCheckedAsync();

        await op.GotoAsync("/Operator/Screening");
        await Expect(op.Locator("main h1")).ToHaveTextAsync("岗位复核");
    }
}
