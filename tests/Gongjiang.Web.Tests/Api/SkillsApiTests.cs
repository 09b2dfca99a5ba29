using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

/// <summary>Written skills read as standard skill items for the editors, and the decisions on them through the API.</summary>
public sealed class SkillsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CncOperator = "6-18-01-07", CncItem = "数控机床操作与调整";

    [Fact]
    public async Task Each_written_skill_is_answered_with_the_item_it_is_read_as_or_none()
    {
        var client = factory.CreateClient();

        var found = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/skills/recognize?q={Uri.EscapeDataString("CNC编程、二保焊\n会看图纸就行；🔥")}&occupation={CncOperator}&grade=4");

        var readings = found.EnumerateArray().Select(r => (r.GetProperty("written").GetString(), r.GetProperty("item").GetString())).ToList();
        Assert.Equal([("CNC编程", CncItem), ("二保焊", "二氧化碳气体保护焊"), ("会看图纸就行", null)], readings);
        Assert.InRange(found[0].GetProperty("confidence").GetDouble(), 0.45, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=&occupation=9-99-99-99&grade=77")]
    [InlineData("q=%F0%9F%94%A5%F0%9F%94%A5")]
    public async Task Empty_or_unreadable_input_gets_an_empty_list_not_an_error(string query)
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/skills/recognize?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task A_grade_that_is_not_a_number_gets_a_400_problem()
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/skills/recognize?q=CNC编程&occupation={CncOperator}&grade=four");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_employer_refuses_a_reading_and_later_updates_without_a_decision_keep_it()
    {
        var hr = await factory.SignedInAsync("hr1");
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "CNC操机师傅", occupation_code = CncOperator, min_grade = 4, city = "370211", salary = new { min = 7000, max = 11000 },
            description = "数控车床操作。",
            skills = new object[] { new { name = "CNC编程", weight = 0.6, item_status = "confirmed" }, new { name = "数控编程", weight = 0.4, item_status = "declined" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var updated = await hr.PutAsJsonAsync($"/api/v1/jobs/{id}", new { skills = new[] { new { name = "CNC编程", weight = 0.5 }, new { name = "数控编程", weight = 0.5 } } });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var skills = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("skills");
        Assert.Equal([("CNC编程", CncItem, "confirmed"), ("数控编程", null, "declined")],
            skills.EnumerateArray().Select(s => (s.GetProperty("name").GetString(),
                s.TryGetProperty("standard_item", out var item) ? item.GetString() : null, s.GetProperty("item_status").GetString())));

        var bad = await hr.PutAsJsonAsync($"/api/v1/jobs/{id}", new { skills = new[] { new { name = "CNC编程", weight = 1.0, item_status = "maybe" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("skills.unknown_item_status", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_seeker_refuses_a_reading_through_the_api_and_it_stays_refused()
    {
        var seeker = await factory.SignedInAsync("seeker1");
        var saved = await seeker.PutAsJsonAsync("/api/v1/talent/me", new
        {
            name = "求职者", city = "370211", skills = new[] { "二保焊", "会看图纸" }, occupations = new[] { new { code = "6-18-02-04", grade = 3, typed_name = "电焊工" } },
            skill_choices = new[] { new { skill = "二保焊", item_status = "declined" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var again = await seeker.PutAsJsonAsync("/api/v1/talent/me", new { skills = new[] { "二保焊", "会看图纸" } });

        var profile = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([("二保焊", "declined")], profile.GetProperty("skill_choices").EnumerateArray()
            .Select(c => (c.GetProperty("skill").GetString(), c.GetProperty("item_status").GetString())));
        Assert.Equal("电焊工", profile.GetProperty("occupations")[0].GetProperty("typed_name").GetString());

        // The seeker's résumé page, the résumé HR opens and HR's talent search show the name typed beside the standard one.
        var own = await seeker.GetStringAsync("/Seeker/Profile");
        Assert.Contains("电焊工（焊工）", own, StringComparison.Ordinal);
        Assert.Contains("已否认，按原文保留", own, StringComparison.Ordinal);
        var hr = await factory.SignedInAsync("hr1");
        var resume = await hr.GetStringAsync("/Employer/Talent/View/T1?from=search");
        Assert.Contains("<span class=\"typed-name\">电焊工</span>", resume, StringComparison.Ordinal);
        Assert.Contains("standard-name", resume, StringComparison.Ordinal);
        var search = await hr.GetStringAsync("/Employer/Talent?occupation=6-18-02-04");
        Assert.Contains("电焊工（焊工）", search, StringComparison.Ordinal);
    }
}
