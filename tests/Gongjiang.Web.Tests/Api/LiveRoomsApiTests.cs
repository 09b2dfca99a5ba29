using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

/// <summary>The live rooms API: schedule, list, one-tap apply, pushes, and the refusals a viewer or bad input gets.</summary>
public sealed class LiveRoomsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> ProblemCode(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (problem.TryGetProperty("code", out var code)) return code.GetString()!;
        return problem.GetProperty("codes").EnumerateObject().First().Value[0].GetString()!;
    }

    private static async Task<string> OpenJobAsync(HttpClient hr)
    {
        var job = await OkJson(await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "氩弧焊工", occupation_code = "6-18-02-04", min_grade = 3, city = "370211", salary = new { min = 7000, max = 11000 },
            headcount = 2, expires_at = "2027-06-30", description = "负责管道焊接。",
        }));
        var id = job.GetProperty("id").GetString()!;
        await OkJson(await hr.PostAsync($"/api/v1/jobs/{id}/publish", null));
        return id;
    }

    private static object Room(string jobId, string stream = "https://live.example.cn/haizhuo.m3u8") => new
    {
        title = "海卓精密春招直播", hostName = "王总监", streamUrl = stream, startsAt = DateTime.UtcNow.AddMinutes(5), endsAt = DateTime.UtcNow.AddHours(2),
        jobIds = new[] { jobId },
    };

    [Fact]
    public async Task A_seeker_watches_applies_in_one_tap_once_and_gets_an_offer_whose_pay_outside_the_shown_range_carries_its_reason()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker2");
        var jobId = await OpenJobAsync(hr);
        Assert.Equal("live.stream_url_invalid", await ProblemCode(await hr.PostAsJsonAsync("/api/v1/live-rooms", Room(jobId, "ftp://x/y.flv")), HttpStatusCode.BadRequest));
        var room = await OkJson(await hr.PostAsJsonAsync("/api/v1/live-rooms", Room(jobId)));
        var id = room.GetProperty("id").GetString()!;
        Assert.Equal("scheduled", room.GetProperty("status").GetString());

        // Anyone sees it listed; a viewer calling host methods is refused.
        var list = await OkJson(await factory.CreateClient().GetAsync("/api/v1/live-rooms"));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("room").GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsync($"/api/v1/live-rooms/{id}/start", null)).StatusCode);
        Assert.Equal("live.host_only", await ProblemCode(await (await factory.SignedInAsync("hr2")).PostAsync($"/api/v1/live-rooms/{id}/start", null), HttpStatusCode.Forbidden));
        Assert.Equal("live.not_found", await ProblemCode(await hr.PostAsync("/api/v1/live-rooms/L-forged/start", null), HttpStatusCode.NotFound));
        Assert.Equal("live.not_live", await ProblemCode(await seeker.PostAsJsonAsync($"/api/v1/live-rooms/{id}/applications", new { jobId }), HttpStatusCode.UnprocessableEntity));
        await OkJson(await hr.PostAsync($"/api/v1/live-rooms/{id}/start", null));

        var applied = await OkJson(await seeker.PostAsJsonAsync($"/api/v1/live-rooms/{id}/applications", new { jobId }));
        Assert.Equal(1, applied.GetProperty("applications").GetInt32());
        Assert.Equal("recruiting.already_applied", await ProblemCode(await seeker.PostAsJsonAsync($"/api/v1/live-rooms/{id}/applications", new { jobId }), HttpStatusCode.Conflict));

        var console = await OkJson(await hr.GetAsync($"/api/v1/live-rooms/{id}/console"));
        var viewer = console.GetProperty("audience")[0].GetProperty("userId").GetString()!;
        Assert.EndsWith("*", console.GetProperty("applications")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync($"/api/v1/live-rooms/{id}/pushes",
            new { userId = viewer, kind = "offer", jobId, monthlyPay = 9000 })).StatusCode);
        Assert.Equal("live.host_only", await ProblemCode(await (await factory.SignedInAsync("hr2")).PostAsJsonAsync($"/api/v1/live-rooms/{id}/pushes",
            new { userId = viewer, kind = "offer", jobId, monthlyPay = 9000 }), HttpStatusCode.Forbidden));
        Assert.Equal("live.offer_reason_required", await ProblemCode(await hr.PostAsJsonAsync($"/api/v1/live-rooms/{id}/pushes",
            new { userId = viewer, kind = "offer", jobId, monthlyPay = 15000 }), HttpStatusCode.BadRequest));
        var offer = await OkJson(await hr.PostAsJsonAsync($"/api/v1/live-rooms/{id}/pushes",
            new { userId = viewer, kind = "offer", jobId, monthlyPay = 15000, payReason = "持高级焊工证，按技师岗定薪" }));
        Assert.Equal("持高级焊工证，按技师岗定薪", offer.GetProperty("payReason").GetString());

        var page = await OkJson(await seeker.GetAsync($"/api/v1/live-rooms/{id}"));
        var push = page.GetProperty("mine").GetProperty("pushes")[0];
        Assert.Equal(("offer", 15000), (push.GetProperty("kind").GetString(), push.GetProperty("monthlyPay").GetInt32()));
        Assert.Equal(jobId, page.GetProperty("mine").GetProperty("appliedJobIds")[0].GetString());
        Assert.Equal(0, (await OkJson(await factory.CreateClient().GetAsync($"/api/v1/live-rooms/{id}"))).GetProperty("mine").GetProperty("pushes").GetArrayLength());
    }
}
