using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class InvitationTests(WebAppFixture web)
{
    [Fact]
    public async Task HR_invites_the_demo_seeker_from_recommendations_the_seeker_accepts_from_the_inbox_and_the_application_reaches_the_board()
    {
        var seeker = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(seeker, "seeker", DemoAccounts.Password);
        var profile = await seeker.Context.APIRequest.GetAsync($"{web.BaseUrl}/api/v1/talent/me");
        Assert.True(profile.Ok, profile.StatusText);
        var me = JsonDocument.Parse(await profile.TextAsync()).RootElement;
        var talentId = me.GetProperty("id").GetString();

        // HR opens a job cut to the demo seeker's profile (occupation, grade, skills, certificates, city), so the seeker is
        // among its recommended talent, and invites them from 推荐人才.
        var hr = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", DemoAccounts.Password);
        var jobId = await OpenJobForAsync(hr, me);
        await hr.GotoAsync($"/Employer/Jobs/Recommendations/{jobId}");
        await Expect(hr.Locator($"#recommended-talent tr[data-talent-id='{talentId}']")).ToHaveCountAsync(1);
        var row = hr.Locator($"#recommended-talent tr[data-talent-id='{talentId}']");
        await row.Locator("td.invite summary").ClickAsync();
        await row.Locator("textarea[name=message]").FillAsync("您的技能与岗位很匹配，欢迎投递。");
        await row.Locator("td.invite details button").ClickAsync();
        await Expect(hr.Locator(".alert-ok")).ToContainTextAsync("邀请已发送");
        await Expect(hr.Locator($"#recommended-talent tr[data-talent-id='{talentId}'] .invited")).ToBeVisibleAsync();

        // The seeker sees it in the inbox (with the unread count in the navigation), opens it and accepts.
        await seeker.GotoAsync("/Inbox");
        await Expect(seeker.Locator("#unread-count")).ToBeVisibleAsync();
        var notice = seeker.Locator("#inbox .notification.unread[data-kind=invitation]").First;
        await Expect(notice).ToContainTextAsync("欢迎投递");
        await notice.Locator("button.open").ClickAsync();
        await Expect(seeker).ToHaveURLAsync(new Regex("/Seeker/Invitations$"));
        var invitation = seeker.Locator(".invitation[data-status=pending]").Filter(new() { Has = seeker.Locator($"a[href='/Jobs/Detail/{jobId}']") });
        await invitation.Locator("button.accept").ClickAsync();
        await Expect(seeker).ToHaveURLAsync(new Regex("/Seeker/Applications$"));
        await Expect(seeker.Locator(".alert-ok")).ToContainTextAsync("已接受邀请");
        await Expect(seeker.Locator($".application:has(a[href='/Jobs/Detail/{jobId}']) .stage")).ToHaveTextAsync("已申请");

        // The application is on the employer's board, and HR was told in its inbox.
        await hr.GotoAsync($"/Employer/Jobs/Board/{jobId}");
        await Expect(hr.Locator("[data-stage=applied] .board-card")).Not.ToHaveCountAsync(0);

        // Filters and a bulk move: only this seeker's application, moved to screening with a report of what happened.
        await hr.GotoAsync($"/Employer/Jobs/Board/{jobId}?stage=applied");
        await Expect(hr.Locator("#board .board-card")).ToHaveCountAsync(1);
        await hr.Locator("#board .board-card input.bulk-select").CheckAsync();
        await hr.SelectOptionAsync("#bulk-to", "screening");
        await hr.ClickAsync("#bulk-apply");
        await Expect(hr.Locator("#bulk-report")).ToContainTextAsync("1 份申请已处理，0 份未变更");
        await Expect(hr.Locator("[data-stage=screening] .board-card")).ToHaveCountAsync(1);
        await hr.GotoAsync($"/Employer/Jobs/Board/{jobId}?stage=applied");
        await Expect(hr.Locator("#board .board-card")).ToHaveCountAsync(0);
        await hr.GotoAsync("/Inbox");
        await Expect(hr.Locator("#inbox .notification[data-kind='invitation.answered']").First).ToContainTextAsync("邀请已接受");
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-inbox-invitation-accepted.png"), FullPage = true });
    }

    private async Task<string> OpenJobForAsync(IPage hr, JsonElement seeker)
    {
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var occupation = seeker.GetProperty("occupations").EnumerateArray().First();
        var skills = seeker.TryGetProperty("skills", out var s) ? s.EnumerateArray().Select(x => new { name = x.GetString(), weight = 1.0 }).ToList() : [];
        var certificates = seeker.TryGetProperty("certificates", out var c) ? c.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        var education = seeker.TryGetProperty("education", out var ed) ? Text(ed, "level") : null;
        var years = seeker.TryGetProperty("experience_years", out var y) && y.ValueKind == JsonValueKind.Number ? Math.Floor(y.GetDouble()) : 0;
        var (min, max) = seeker.TryGetProperty("expected_salary", out var pay) && pay.ValueKind == JsonValueKind.Object
            ? (pay.GetProperty("min").GetInt32(), pay.GetProperty("max").GetInt32() + 3000) : (6000, 15000);
        var job = new Dictionary<string, object?>
        {
            ["title"] = "定向邀请测试岗位", ["occupation_code"] = occupation.GetProperty("code").GetString(),
            ["min_grade"] = occupation.TryGetProperty("grade", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt32() : null,
            ["skills"] = skills, ["required_certificates"] = certificates, ["education_min"] = education, ["experience_min_years"] = years,
            ["city"] = Text(seeker, "city"), ["salary"] = new { min, max }, ["headcount"] = 1,
            ["expires_at"] = DateTime.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["description"] = "按岗位要求完成生产任务，遵守安全规程。", ["status"] = "open",
        };
        var created = await hr.Context.APIRequest.PostAsync($"{web.BaseUrl}/api/v1/jobs", new() { DataObject = job });
        Assert.True(created.Ok, await created.TextAsync());
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString()!;
        var published = await hr.Context.APIRequest.PostAsync($"{web.BaseUrl}/api/v1/jobs/{id}/publish");
        Assert.True(published.Ok, await published.TextAsync());
        return id;
    }
}
