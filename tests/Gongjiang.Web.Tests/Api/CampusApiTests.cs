using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

public sealed class CampusApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly int Year = DateTime.UtcNow.Year + 1;

    /// <summary>Makes the sharing seeker T1 a graduate of the coming year in 机电一体化技术.</summary>
    private async Task GraduateAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var t1 = await db.Talent.SingleAsync(t => t.Id == "T1");
        t1.Education.MajorCode = "460301";
        t1.Education.School = "青岛职业技术学院";
        t1.Education.GraduationYear = Year;
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task An_employer_reaches_its_audience_and_a_seeker_signs_up_for_a_talk_until_it_is_full()
    {
        await GraduateAsync();
        var hr = await factory.SignedInAsync("hr1");
        var campaign = await Json(await hr.PostAsJsonAsync("/api/v1/campus/campaigns", new
        {
            title = "海卓秋季校园招聘", message = "诚邀机电专业同学参加宣讲会。", majorCodes = new[] { "460301" }, schools = new[] { "青岛职业技术学院" }, graduationYear = Year,
        }), HttpStatusCode.Created);
        var id = campaign.GetProperty("id").GetString()!;
        Assert.Equal(1, campaign.GetProperty("stats").GetProperty("audience").GetInt32());
        var sent = await Json(await hr.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/outreach", new { channels = new[] { "inapp", "sms" } }), HttpStatusCode.OK);
        Assert.Equal(1, sent.GetProperty("sent").GetInt32());
        await Json(await hr.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/outreach", new { channels = new[] { "pigeon" } }), HttpStatusCode.BadRequest);
        var talk = await Json(await hr.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/talks", new
        {
            school = "青岛职业技术学院", place = "图书馆报告厅", startsAt = DateTime.UtcNow.AddDays(7), capacity = 1,
        }), HttpStatusCode.Created);
        var talkId = talk.GetProperty("id").GetString()!;

        // Another employer sees nothing of it.
        var other = await factory.SignedInAsync("hr2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/campus/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/outreach", new { channels = new[] { "inapp" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/talks",
            new { school = "x", place = "y", startsAt = DateTime.UtcNow.AddDays(7), capacity = 5 })).StatusCode);

        var seeker = await factory.SignedInAsync("seeker1");
        var talks = await Json(await seeker.GetAsync("/api/v1/campus/talks"), HttpStatusCode.OK);
        Assert.True(talks.EnumerateArray().Single(t => t.GetProperty("id").GetString() == talkId).GetProperty("targeted").GetBoolean());
        await Json(await seeker.PostAsync($"/api/v1/campus/talks/{talkId}/signup", null), HttpStatusCode.OK);
        await Json(await seeker.PostAsync($"/api/v1/campus/talks/{talkId}/signup", null), HttpStatusCode.Conflict);
        var late = await factory.SignedInAsync("seeker2");
        await Json(await late.PostAsync($"/api/v1/campus/talks/{talkId}/signup", null), HttpStatusCode.Conflict); // full
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync("/api/v1/campus/campaigns", new { title = "x", message = "y", graduationYear = Year })).StatusCode);

        var stats = (await Json(await hr.GetAsync($"/api/v1/campus/campaigns/{id}"), HttpStatusCode.OK)).GetProperty("stats");
        Assert.Equal((1, 1, 1), (stats.GetProperty("reached").GetInt32(), stats.GetProperty("responded").GetInt32(), stats.GetProperty("signUps").GetInt32()));
    }

    [Fact]
    public async Task Refusals_name_their_code_and_field_and_a_seeker_without_a_reached_notice_changes_nothing()
    {
        var hr = await factory.SignedInAsync("hr1");
        var missing = await Json(await hr.PostAsJsonAsync("/api/v1/campus/campaigns", new { majorCodes = new[] { "999999" } }), HttpStatusCode.BadRequest);
        var codes = missing.GetProperty("codes");
        Assert.Equal(("campus.title", "campus.message", "input.required", "campus.unknown_major"), (codes.GetProperty("title")[0].GetString(),
            codes.GetProperty("message")[0].GetString(), codes.GetProperty("graduationYear")[0].GetString(), codes.GetProperty("majorCodes")[0].GetString()));
        var id = (await Json(await hr.PostAsJsonAsync("/api/v1/campus/campaigns", new { title = "秋招", message = "欢迎", graduationYear = Year }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var channels = await Json(await hr.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/outreach", new { channels = new[] { "pigeon" } }), HttpStatusCode.BadRequest);
        Assert.Equal("campus.channels", channels.GetProperty("codes").GetProperty("channels")[0].GetString());
        var talk = await Json(await hr.PostAsJsonAsync($"/api/v1/campus/campaigns/{id}/talks", new { school = "青岛职业技术学院", place = "礼堂" }), HttpStatusCode.BadRequest);
        Assert.Equal(["capacity", "startsAt"], talk.GetProperty("errors").EnumerateObject().Select(f => f.Name).Order());
        Assert.Equal("campus.campaign_not_found",
            (await Json(await (await factory.SignedInAsync("hr2")).GetAsync($"/api/v1/campus/campaigns/{id}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());

        var seeker = await factory.SignedInAsync("seeker2");
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.PostAsync($"/api/v1/campus/campaigns/{id}/opened", null)).StatusCode); // never reached
        var stats = (await Json(await hr.GetAsync($"/api/v1/campus/campaigns/{id}"), HttpStatusCode.OK)).GetProperty("stats");
        Assert.Equal(0, stats.GetProperty("responded").GetInt32());
        Assert.Equal("campus.talk_not_found", (await Json(await seeker.PostAsync("/api/v1/campus/talks/S-NONE/signup", null), HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }
}
