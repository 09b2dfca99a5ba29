using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

public sealed class RecommendationsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>A welding post of employer E1 in 黄岛, published: the shared welder T1 fits it.</summary>
    private static async Task<string> PublishedWelderJobAsync(HttpClient hr)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "氩弧焊工", occupation_code = "6-18-02-04", min_grade = 4, skills = new[] { new { name = "氩弧焊", weight = 0.6 } },
            city = "370211", salary = new { min = 7000, max = 11000 }, headcount = 2, expires_at = "2099-12-31", description = "船舶分段焊接",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
        return id;
    }

    [Fact]
    public async Task An_employer_sees_recommended_talent_for_its_own_job_with_reasons_and_no_contact_data()
    {
        var hr = await factory.SignedInAsync("hr1");
        var id = await PublishedWelderJobAsync(hr);

        var response = await hr.GetAsync($"/api/v1/jobs/{id}/recommended-talent?top=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items");
        var first = items.EnumerateArray().Single(); // T2 does not share with the zone
        Assert.Equal("T1", first.GetProperty("talentId").GetString());
        Assert.Equal("张*", first.GetProperty("maskedName").GetString());
        // The skill HR wrote, matched as the standard item it stands for.
        Assert.Contains("氩弧焊 → 钨极氩弧焊", first.GetProperty("reasons").GetProperty("matchedSkills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(3, first.GetProperty("reasons").GetProperty("gradeHeld").GetInt32());
        Assert.Contains(first.GetProperty("level").GetString(), new[] { "high", "medium", "low" });
        Assert.False(first.GetProperty("applied").GetBoolean());
        foreach (var secret in new[] { "13812345678", "phone", "gender", "birthYear", "birth_year", "张伟" }) Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task Another_employer_gets_404_for_a_jobs_recommendations()
    {
        var id = await PublishedWelderJobAsync(await factory.SignedInAsync("hr1"));

        var other = await factory.SignedInAsync("hr2");
        var response = await other.GetAsync($"/api/v1/jobs/{id}/recommended-talent");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("seeker1")).GetAsync($"/api/v1/jobs/{id}/recommended-talent")).StatusCode);
    }

    [Fact]
    public async Task A_seeker_gets_recommended_jobs_and_can_turn_personalization_off()
    {
        var id = await PublishedWelderJobAsync(await factory.SignedInAsync("hr1"));
        var seeker = await factory.SignedInAsync("seeker1");

        var personalized = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me/recommended-jobs");
        Assert.True(personalized.GetProperty("personalized").GetBoolean());
        var match = personalized.GetProperty("items").EnumerateArray().First(i => i.GetProperty("job").GetProperty("id").GetString() == id);
        Assert.Contains("氩弧焊", match.GetProperty("reasons").GetProperty("text").GetString());

        var off = await seeker.PutAsJsonAsync("/api/v1/me/personalization", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var general = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me/recommended-jobs");
        Assert.False(general.GetProperty("personalized").GetBoolean());
        Assert.Contains(id, general.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("job").GetProperty("id").GetString()));
        Assert.False((await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/personalization")).GetProperty("enabled").GetBoolean());

        await seeker.PutAsJsonAsync("/api/v1/me/personalization", new { enabled = true });
    }

    [Fact]
    public async Task A_request_for_too_many_results_is_a_400_problem()
    {
        var seeker = await factory.SignedInAsync("seeker1");
        var response = await seeker.GetAsync("/api/v1/talent/me/recommended-jobs?top=5000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_personalization_change_without_its_setting_is_refused_and_changes_nothing()
    {
        var seeker = await factory.SignedInAsync("seeker1");
        await seeker.PutAsJsonAsync("/api/v1/me/personalization", new { enabled = true });
        var empty = await seeker.PutAsJsonAsync("/api/v1/me/personalization", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("input.required", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("enabled")[0].GetString());
        Assert.True((await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/personalization")).GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(501)]
    public async Task The_service_log_answers_a_bounded_number_of_rows(int count)
    {
        var op = await factory.SignedInAsync("operator1");
        var response = await op.GetAsync($"/api/v1/service-log?count={count}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("input.between", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("count")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/api/v1/service-log?count=500")).StatusCode);
    }
}
