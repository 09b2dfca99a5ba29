using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CampusCampaignTests(WebAppFixture web)
{
    [Fact]
    public async Task HR_targets_a_major_and_year_the_seeker_in_the_audience_hears_of_it_signs_up_for_a_talk_and_the_counts_follow()
    {
        // The demo seeker becomes a student of a graduation year no other demo profile has, sharing with the zone.
        var year = DateTime.UtcNow.Year + 5;
        var seeker = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(seeker, "seeker", DemoAccounts.Password);
        var profile = JsonNode.Parse(await (await seeker.Context.APIRequest.GetAsync($"{web.BaseUrl}/api/v1/talent/me")).TextAsync())!.AsObject();
        var education = profile["education"] as JsonObject ?? new JsonObject();
        var major = education["major_code"]?.GetValue<string>() ?? "460301";
        education["major_code"] = major;
        education["graduation_year"] = year;
        education["level"] ??= "associate";
        profile["education"] = education;
        var saved = await seeker.Context.APIRequest.PutAsync($"{web.BaseUrl}/api/v1/talent/me", new() { DataString = profile.ToJsonString(), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });
        Assert.True(saved.Ok, await saved.TextAsync());
        await seeker.GotoAsync("/Seeker/Profile");
        if (await seeker.Locator("section.share-card.off").CountAsync() > 0)
            await seeker.Locator("form[action*='handler=Sharing'] button").ClickAsync();
        await Expect(seeker.Locator("section.share-card.on")).ToBeVisibleAsync();

        // HR creates the campaign for that major and year, sends the outreach and schedules a talk.
        var title = $"{year}届校园招聘专场";
        var hr = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", DemoAccounts.Password);
        await hr.GotoAsync("/Employer/Campus");
        var form = hr.Locator("#new-campaign");
        await form.Locator("input[name=title]").FillAsync(title);
        await form.Locator("textarea[name=message]").FillAsync("欢迎参加我们的校园宣讲会，了解实习与就业机会。");
        await form.Locator("input[name=majors]").FillAsync(major);
        await form.Locator("input[name=graduationYear]").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await form.Locator("button[type=submit]").ClickAsync();
        var campaign = hr.Locator("section.campaign").Filter(new() { HasText = title });
        await Expect(campaign.Locator(".audience")).ToHaveTextAsync("1");
        await Expect(campaign.Locator(".reached")).ToHaveTextAsync("0");
        await campaign.Locator("form.outreach button").ClickAsync();
        await Expect(campaign.Locator(".reached")).ToHaveTextAsync("1");
        await campaign.Locator("details summary").ClickAsync();
        await campaign.Locator("details input[name=school]").FillAsync("青岛职业技术学院");
        await campaign.Locator("details input[name=place]").FillAsync("图书馆报告厅");
        await campaign.Locator("details input[name=startsAt]").FillAsync(DateTime.Now.AddDays(10).ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture));
        await campaign.Locator("details input[name=capacity]").FillAsync("50");
        await campaign.Locator("details button").ClickAsync();
        await Expect(campaign.Locator("li").Filter(new() { HasText = "图书馆报告厅" })).ToHaveCountAsync(1);

        // The seeker finds the notice in the inbox, opens it and signs up for the talk.
        await seeker.GotoAsync("/Inbox");
        var notice = seeker.Locator("#inbox .notification[data-kind='campus.outreach']").Filter(new() { HasText = title }).First;
        await Expect(notice).ToBeVisibleAsync();
        await notice.Locator("button.open").ClickAsync();
        await Expect(seeker).ToHaveURLAsync(new Regex("/Seeker/CampusTalks"));
        var talk = seeker.Locator("article.talk").Filter(new() { HasText = title });
        await talk.Locator("button").ClickAsync();
        await Expect(seeker.Locator("article.talk").Filter(new() { HasText = title }).Locator(".tag").Filter(new() { HasText = "已报名" })).ToHaveCountAsync(1);

        // The campaign shows the response and the sign-up.
        await hr.GotoAsync("/Employer/Campus");
        await Expect(campaign.Locator(".responded")).ToHaveTextAsync("1");
        await Expect(campaign.Locator(".campaign-stats td").Nth(4)).ToHaveTextAsync("1");
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-campus-campaign.png"), FullPage = true });

        // HR edits the campaign: the form starts from the saved terms, a major outside the catalogue is refused with the reason
        // and nothing is saved, then a new name and a school are saved and shown on the list.
        await campaign.Locator("a.edit-campaign").ClickAsync();
        await Expect(hr).ToHaveURLAsync(new Regex("/Employer/Campus/Edit/K[0-9A-Z]+$"));
        var edit = hr.Locator("#edit-campaign");
        await Expect(edit.Locator("input[name='Form.Title']")).ToHaveValueAsync(title);
        await Expect(edit.Locator("input[name='Form.Majors']")).ToHaveValueAsync(major);
        await Expect(edit.Locator("input[name='Form.GraduationYear']")).ToHaveValueAsync(year.ToString(CultureInfo.InvariantCulture));
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "employer-campus-campaign-edit.png"), FullPage = true });
        await edit.Locator("input[name='Form.Majors']").FillAsync(major + ", 999999");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Expect(hr.Locator("#campaign-problem")).ToContainTextAsync("专业代码 999999 不在专业目录中");
        await Expect(hr).ToHaveURLAsync(new Regex("/Employer/Campus/Edit/K[0-9A-Z]+$"));

        var renamed = title + "·第二场";
        await edit.Locator("input[name='Form.Title']").FillAsync(renamed);
        await edit.Locator("input[name='Form.Majors']").FillAsync(major);
        await edit.Locator("input[name='Form.Schools']").FillAsync("青岛职业技术学院");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Expect(hr).ToHaveURLAsync(new Regex("/Employer/Campus$"));
        await Expect(hr.Locator(".alert-ok")).ToContainTextAsync("校园招聘活动已保存");
        var edited = hr.Locator("section.campaign").Filter(new() { HasText = renamed });
        await Expect(edited).ToContainTextAsync("青岛职业技术学院");
        await Expect(edited.Locator(".reached")).ToHaveTextAsync("1"); // who was reached stays reached
    }
}
