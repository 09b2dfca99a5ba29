using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongjiang.Web.Tests.Api;

public sealed class ComplaintsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<string> OpenJobAsync(HttpClient hr, string title)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title, occupation_code = "6-18-01-01", min_grade = 4, city = "370211", salary = new { min = 7000, max = 10000 },
            headcount = 2, expires_at = "2027-06-30", description = "操作数控车床加工轴类零件。任职要求：两年以上经验。",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
        return id;
    }

    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> ReportAsync(HttpClient seeker, string jobId)
    {
        var report = await OkJson(await seeker.PostAsJsonAsync("/api/v1/complaints",
            new { jobId, category = "fees_deposits", description = "面试时要求先交300元押金。", evidence = "收款记录" }));
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        return report.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_seeker_reports_a_job_and_an_operator_upholds_it_which_takes_the_job_down()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker1");
        var op = await factory.SignedInAsync("operator1");
        var jobId = await OpenJobAsync(hr, "数控车工（夜班）");
        var id = await ReportAsync(seeker, jobId);

        var queue = await OkJson(await op.GetAsync("/api/v1/complaints"));
        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        var assigned = await OkJson(await op.PostAsJsonAsync($"/api/v1/complaints/{id}/assign", new { }));
        Assert.Equal("investigating", assigned.GetProperty("status").GetString());
        var resolved = await OkJson(await op.PostAsJsonAsync($"/api/v1/complaints/{id}/resolve", new { upheld = true, reason = "核实收取押金" }));
        Assert.Equal("upheld", resolved.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/v1/complaints/{id}/resolve", new { upheld = false, reason = "再次" })).StatusCode);

        // The job is gone from search and from the public; its employer cannot republish it.
        var search = await OkJson(await factory.CreateClient().GetAsync("/api/v1/jobs?pageSize=100"));
        Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == jobId);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null)).StatusCode);

        var mine = await OkJson(await seeker.GetAsync("/api/v1/me/complaints"));
        var seen = mine.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(("upheld", "核实收取押金"), (seen.GetProperty("status").GetString(), seen.GetProperty("resolution").GetString()));
        Assert.False(seen.TryGetProperty("assignedToUserId", out _)); // the reporter does not see who handled it

        var log = await OkJson(await op.GetAsync($"/api/v1/service-log?targetKind=job&targetId={jobId}"));
        var takedown = log.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "job.taken_down");
        Assert.Contains("核实收取押金", takedown.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Only_operators_resolve_and_nobody_else_sees_a_report()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker1");
        var otherSeeker = await factory.SignedInAsync("seeker2");
        var jobId = await OpenJobAsync(hr, "数控铣工");
        var id = await ReportAsync(seeker, jobId);

        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync($"/api/v1/complaints/{id}/resolve", new { upheld = false, reason = "不属实" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync($"/api/v1/complaints/{id}/resolve", new { upheld = false, reason = "撤回" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync($"/api/v1/complaints/{id}/assign", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/v1/complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync("/api/v1/complaints", new { jobId, category = "other", description = "同行举报内容" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync("/api/v1/employers/E1/suspension/lift", new { reason = "x" })).StatusCode);
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/complaints", new { jobId, category = "other", description = "匿名举报内容" })).StatusCode);

        // A foreign report answers 404 to another seeker and to the reported employer's HR.
        Assert.Equal(HttpStatusCode.NotFound, (await otherSeeker.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
        Assert.DoesNotContain((await OkJson(await otherSeeker.GetAsync("/api/v1/me/complaints"))).EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal(id, (await OkJson(await seeker.GetAsync($"/api/v1/complaints/{id}"))).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Bad_reports_and_decisions_answer_400_404_or_409_never_500()
    {
        var hr = await factory.SignedInAsync("hr2");
        var seeker = await factory.SignedInAsync("seeker1");
        var op = await factory.SignedInAsync("operator1");
        var jobId = await OpenJobAsync(hr, "芯片封装工");

        async Task<HttpStatusCode> Post(HttpClient client, string url, object body) => (await client.PostAsJsonAsync(url, body)).StatusCode;
        var unknownCategory = await seeker.PostAsJsonAsync("/api/v1/complaints", new { jobId, category = "spam", description = "描述足够长的内容" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        Assert.Contains("category", await unknownCategory.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, await Post(seeker, "/api/v1/complaints", new { category = "other", description = "描述足够长的内容" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(seeker, "/api/v1/complaints", new { jobId, employerId = "E2", category = "other", description = "描述足够长的内容" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(seeker, "/api/v1/complaints", new { jobId, category = "other", description = "短" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(seeker, "/api/v1/complaints", new { jobId, category = "other", description = new string('长', 2001) }));
        Assert.Equal(HttpStatusCode.NotFound, await Post(seeker, "/api/v1/complaints", new { jobId = "J-NOPE", category = "other", description = "描述足够长的内容" }));
        var malformed = await seeker.PostAsync("/api/v1/complaints", new StringContent("{\"jobId\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var employerReport = await OkJson(await seeker.PostAsJsonAsync("/api/v1/complaints", new { employerId = "E2", category = "privacy_leak", description = "简历被转给了第三方。" }));
        var id = employerReport.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, await Post(op, $"/api/v1/complaints/{id}/resolve", new { reason = "缺少结论" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(op, $"/api/v1/complaints/{id}/resolve", new { upheld = false, reason = " " }));
        Assert.Equal(HttpStatusCode.NotFound, await Post(op, "/api/v1/complaints/C-NOPE/resolve", new { upheld = false, reason = "无" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync("/api/v1/complaints?status=weird")).StatusCode);
        var dismissed = await OkJson(await op.PostAsJsonAsync($"/api/v1/complaints/{id}/resolve", new { upheld = false, reason = "未发现证据" }));
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, await Post(op, $"/api/v1/complaints/{id}/assign", new { }));
        Assert.Equal(HttpStatusCode.Conflict, await Post(op, "/api/v1/employers/E2/suspension/lift", new { reason = "未暂停" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post(op, "/api/v1/employers/E-NOPE/suspension/lift", new { reason = "无" }));
        // A dismissed report changes nothing about the job.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);
    }
}
