using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PrivacyTests(WebAppFixture web)
{
    [Fact]
    public async Task A_seeker_registers_with_consent_downloads_their_data_and_deletes_the_account()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#UserName", "wu_jianguo");
        await page.FillAsync("#Name", "吴建国");
        await page.FillAsync("#Phone", "13655554444");
        await page.ClickAsync("button[formaction='?handler=SendCode']");
        await Expect(page.Locator(".alert-ok")).ToContainTextAsync("验证码已发送");
        await page.FillAsync("#Code", web.LatestSmsCode("13655554444") ?? "no code was sent");
        await page.FillAsync("#BirthYear", (DateTime.UtcNow.Year - 15).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Password", "Wu-pass-2026");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button[type=submit].btn-block");
        await Expect(page.Locator(".field-error", new() { HasText = "未满16周岁" })).ToBeVisibleAsync();

        await page.FillAsync("#BirthYear", "1996");
        await page.FillAsync("#Password", "Wu-pass-2026");
        await page.UncheckAsync("#Consent");
        await page.ClickAsync("button[type=submit].btn-block");
        await Expect(page.Locator(".field-error", new() { HasText = "个人信息处理规则" })).ToBeVisibleAsync();

        await page.FillAsync("#Password", "Wu-pass-2026");
        await page.CheckAsync("#Consent");
        await page.ClickAsync("button[type=submit].btn-block");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Seeker/MyData"));
        await Expect(page.Locator("ul.consents li")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-link"));
        var path = await download.PathAsync();
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync(path)))
        {
            Assert.Equal("吴建国", export.RootElement.GetProperty("contact").GetProperty("name").GetString());
            Assert.Equal("13655554444", export.RootElement.GetProperty("contact").GetProperty("phone").GetString());
            Assert.Equal("wu_jianguo", export.RootElement.GetProperty("account").GetProperty("user_name").GetString());
        }

        await page.FillAsync("#Password", "wrong-password-1");
        await page.ClickAsync("button.btn-danger");
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("密码不正确");
        await page.FillAsync("#Password", "Wu-pass-2026");
        await page.ClickAsync("button.btn-danger");
        await Expect(page.Locator("a[href='/Account/Login']")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", "wu_jianguo");
        await page.FillAsync("#Password", "Wu-pass-2026");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("用户名或密码错误");
    }
}
