using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

public sealed class JobsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object ValidJob(string title = "氩弧焊工") => new
    {
        title, occupation_code = "6-18-02-04", min_grade = 4, city = "370211",
        salary = new { min = 7000, max = 11000 }, headcount = 5, expires_at = "2027-03-31",
        skills = new[] { new { name = "氩弧焊", weight = 0.6 } }, description = "负责不锈钢管道氩弧焊接。", status = "open",
    };

    [Fact]
    public async Task An_employer_posts_a_job_and_anyone_can_read_it()
    {
        var hr = await factory.SignedInAsync("hr1");
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", ValidJob());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E1", job.GetProperty("employer_id").GetString());
        Assert.Equal("draft", job.GetProperty("status").GetString());
        var published = await hr.PostAsync($"/api/v1/jobs/{job.GetProperty("id").GetString()}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var anonymous = factory.CreateClient();
        var read = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job.GetProperty("id").GetString()}");
        Assert.Equal("氩弧焊工", read.GetProperty("title").GetString());
        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/jobs?q=氩弧焊");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == job.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_partial_update_changes_only_the_fields_it_sends()
    {
        var hr = await factory.SignedInAsync("hr1");
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", ValidJob("管道焊工"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var response = await hr.PutAsJsonAsync($"/api/v1/jobs/{id}", new { headcount = 8 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(8, job.GetProperty("headcount").GetInt32());
        Assert.Equal("管道焊工", job.GetProperty("title").GetString());
        Assert.Equal("6-18-02-04", job.GetProperty("occupation_code").GetString());
        Assert.Equal(4, job.GetProperty("min_grade").GetInt32());
        Assert.Equal(7000, job.GetProperty("salary").GetProperty("min").GetInt32());
        Assert.Equal(11000, job.GetProperty("salary").GetProperty("max").GetInt32());
        Assert.Equal("负责不锈钢管道氩弧焊接。", job.GetProperty("description").GetString());
        Assert.Equal("氩弧焊", job.GetProperty("skills")[0].GetProperty("name").GetString());
        Assert.Equal("2027-03-31", job.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task Posting_a_job_without_signing_in_is_refused_with_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/jobs", ValidJob());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_seeker_cannot_post_a_job()
    {
        var seeker = await factory.SignedInAsync("seeker1");
        var response = await seeker.PostAsJsonAsync("/api/v1/jobs", ValidJob());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_not_a_500()
    {
        var hr = await factory.SignedInAsync("hr1");
        var response = await hr.PostAsync("/api/v1/jobs", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_the_problem_details()
    {
        var hr = await factory.SignedInAsync("hr1");
        var response = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "电工", city = "999999", salary = new { min = 9000, max = 8000 }, min_grade = 7,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var codes = problem.GetProperty("codes");
        Assert.Equal("input.unknown_city", codes.GetProperty("city")[0].GetString());
        Assert.Equal("input.min_over_max", codes.GetProperty("salary")[0].GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("未知的城市代码", errors.GetProperty("city")[0].GetString());

        // The same problem in English when the client asks for it; the codes do not change with the language.
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
        {
            Content = JsonContent.Create(new { title = "电工", city = "999999", salary = new { min = 9000, max = 8000 }, min_grade = 7 }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await (await hr.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("unknown city code '999999'", inEnglish.GetProperty("errors").GetProperty("city")[0].GetString());
        Assert.Contains("min 9000 is greater than max 8000", inEnglish.GetProperty("errors").GetProperty("salary")[0].GetString());
        Assert.Equal("input.unknown_city", inEnglish.GetProperty("codes").GetProperty("city")[0].GetString());
        Assert.True(errors.TryGetProperty("min_grade", out _));
    }

    [Fact]
    public async Task Another_employers_job_cannot_be_edited_and_is_not_disclosed()
    {
        var owner = await factory.SignedInAsync("hr1");
        var created = await (await owner.PostAsJsonAsync("/api/v1/jobs", ValidJob("钳工"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);

        var other = await factory.SignedInAsync("hr2");
        var response = await other.PutAsJsonAsync($"/api/v1/jobs/{id}", ValidJob("改掉的标题"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var unchanged = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        Assert.Equal("钳工", unchanged.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_discriminatory_posting_is_not_published_and_the_flag_names_the_words_and_the_law()
    {
        var hr = await factory.SignedInAsync("hr1");
        var job = JsonSerializer.SerializeToNode(ValidJob("焊工"))!.AsObject();
        job["description"] = "负责管道焊接，限男性，35岁以下。";
        var created = await (await hr.PostAsJsonAsync("/api/v1/jobs", job)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var refused = await hr.PostAsync($"/api/v1/jobs/{id}/publish", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var flags = problem.GetProperty("flags").EnumerateArray().ToList();
        Assert.Contains(flags, f => f.GetProperty("rule").GetString() == "gender" && f.GetProperty("excerpt").GetString()!.Contains("限男性")
            && f.GetProperty("legalBasis").GetString()!.Contains("就业促进法"));
        Assert.Contains(flags, f => f.GetProperty("rule").GetString() == "age");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_visible_only_to_its_employer()
    {
        var owner = await factory.SignedInAsync("hr1");
        var created = await (await owner.PostAsJsonAsync("/api/v1/jobs", ValidJob("装配钳工"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_jobs_api()
    {
        var doc = await factory.CreateClient().GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("/api/v1/jobs", doc);
        Assert.Contains("CreateJob", doc);
    }

    [Fact]
    public async Task A_job_without_an_occupation_code_is_published_only_once_the_client_sends_one()
    {
        var hr = await factory.SignedInAsync("hr1");
        var job = JsonSerializer.SerializeToNode(ValidJob("急招电焊工 包吃住"))!.AsObject();
        job.Remove("occupation_code");
        var created = await (await hr.PostAsJsonAsync("/api/v1/jobs", job)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal("6-18-02-04", created.GetProperty("occupation_code").GetString()); // the title's reading, as a suggestion
        Assert.True(created.GetProperty("occupation_confidence").GetDouble() > 0);

        var refused = await hr.PostAsync($"/api/v1/jobs/{id}/publish", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("jobs.occupation_unconfirmed", problem.GetProperty("code").GetString());
        Assert.Equal("6-18-02-04", problem.GetProperty("suggested_code").GetString());

        // Editing something else does not confirm the reading either; sending the code does.
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync($"/api/v1/jobs/{id}", new { headcount = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
        var confirmed = await (await hr.PutAsJsonAsync($"/api/v1/jobs/{id}", new { occupation_code = "6-18-02-04" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(confirmed.TryGetProperty("occupation_confidence", out _)); // chosen by the client: no confidence to report
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
    }
}
