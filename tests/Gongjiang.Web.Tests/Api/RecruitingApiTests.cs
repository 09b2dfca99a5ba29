using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gongjiang.Web.Tests.Api;

public sealed class RecruitingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>A fresh open job of hr1's employer, so every test has its own applications.</summary>
    private static async Task<string> OpenJobAsync(HttpClient hr)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "数控车工", occupation_code = "6-18-01-01", min_grade = 4, city = "370211", salary = new { min = 7000, max = 10000 },
            headcount = 3, expires_at = "2027-06-30", description = "操作数控车床加工轴类零件。", status = "open",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
        return id;
    }

    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(HttpClient Hr, HttpClient Seeker, JsonElement Application)> AppliedAsync()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker1");
        var job = await OpenJobAsync(hr);
        var application = await OkJson(await seeker.PostAsync($"/api/v1/jobs/{job}/applications", null));
        Assert.Equal("applied", application.GetProperty("stage").GetString());
        return (hr, seeker, application);
    }

    private static string Id(JsonElement application) => application.GetProperty("id").GetString()!;
    private static string Version(JsonElement application) => application.GetProperty("version").GetString()!;

    [Fact]
    public async Task A_seeker_applies_and_follows_the_application_to_signing()
    {
        var (hr, seeker, application) = await AppliedAsync();
        var id = Id(application);
        application = await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "screening", version = Version(application) }));
        application = await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/interviews",
            new { startsAt = DateTime.UtcNow.AddDays(2), place = "黄岛区海卓厂区二号楼" }));
        var interviewId = application.GetProperty("interviews")[0].GetProperty("id").GetString();
        await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/interviews/{interviewId}/scorecards", new { score = 4, notes = "看图熟练" }));
        await OkJson(await hr.PostAsync($"/api/v1/applications/{id}/interviews/{interviewId}/done", null));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/offer",
            new { monthlyPay = 9000, startDate = today.AddDays(20), place = "青岛黄岛区", expiresOn = today.AddDays(7) }));
        var accepted = await OkJson(await seeker.PostAsync($"/api/v1/applications/{id}/offer/accept", null));
        Assert.Equal("accepted", accepted.GetProperty("offer").GetProperty("status").GetString());
        var signed = await OkJson(await hr.PostAsync($"/api/v1/applications/{id}/sign", null));
        Assert.Equal("signed", signed.GetProperty("stage").GetString());

        var mine = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/applications");
        var seen = mine.EnumerateArray().Single(a => Id(a) == id);
        Assert.Equal(["applied", "screening", "interview", "offer", "signed"],
            seen.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task An_illegal_stage_change_answers_409_with_the_reason()
    {
        var (hr, _, application) = await AppliedAsync();
        var id = Id(application);
        application = await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "interview", version = Version(application) }));
        var back = await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "screening", version = Version(application) });
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Contains("不能从「面试」变更为「筛选中」", (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refusal_carries_its_code_and_speaks_the_requests_language()
    {
        var (hr, _, application) = await AppliedAsync();
        var id = Id(application);
        application = await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "interview", version = Version(application) }));
        var back = await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage?culture=en", new { to = "screening", version = Version(application) });
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        var problem = await back.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("recruiting.illegal_move", problem.GetProperty("code").GetString());
        Assert.StartsWith("An application cannot move from", problem.GetProperty("detail").GetString());

        var unknown = await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "somewhere" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var invalid = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["recruiting.unknown_stage"], invalid.GetProperty("codes").GetProperty("to").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["未知的阶段。"], invalid.GetProperty("errors").GetProperty("to").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_change_made_on_an_old_version_answers_409_and_keeps_the_other_change()
    {
        var (hr, _, application) = await AppliedAsync();
        var id = Id(application);
        var seenByBoth = Version(application);
        await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "screening", version = seenByBoth }));
        var late = await hr.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { confirm = true, reason = "经验不足", version = seenByBoth });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("刚被其他人修改过", await late.Content.ReadAsStringAsync());
        var now = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("screening", now.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_rejection_without_confirmation_or_reason_answers_400()
    {
        var (hr, seeker, application) = await AppliedAsync();
        var id = Id(application);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { confirm = false, reason = "不合适" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { confirm = true, reason = "" })).StatusCode);
        var rejected = await OkJson(await hr.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { confirm = true, reason = "暂无匹配班次" }));
        Assert.Equal("rejected", rejected.GetProperty("stage").GetString());
        var seen = (await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/applications")).EnumerateArray().Single(a => Id(a) == id);
        Assert.Equal("暂无匹配班次", seen.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_foreign_employer_gets_404_for_the_board_and_the_application()
    {
        var (hr, _, application) = await AppliedAsync();
        var foreign = await factory.SignedInAsync("hr2");
        var id = Id(application);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/jobs/{application.GetProperty("jobId").GetString()}/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "screening" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { confirm = true, reason = "x" })).StatusCode);
        var board = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{application.GetProperty("jobId").GetString()}/applications");
        Assert.Equal(id, Id(board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("stage").GetString() == "applied").GetProperty("applications")[0]));
    }

    [Fact]
    public async Task A_seeker_cannot_move_stages_but_can_withdraw()
    {
        var (_, seeker, application) = await AppliedAsync();
        var id = Id(application);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync($"/api/v1/applications/{id}/stage", new { to = "screening" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsync($"/api/v1/applications/{id}/sign", null)).StatusCode);
        var other = await factory.SignedInAsync("seeker2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/applications/{id}/withdraw", null)).StatusCode);
        var withdrawn = await OkJson(await seeker.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "已入职其他单位" }));
        Assert.Equal("withdrawn", withdrawn.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Applying_twice_answers_409_and_a_draft_job_cannot_be_applied_to()
    {
        var (_, seeker, application) = await AppliedAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await seeker.PostAsync($"/api/v1/jobs/{application.GetProperty("jobId").GetString()}/applications", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await seeker.PostAsync("/api/v1/jobs/NO-SUCH-JOB/applications", null)).StatusCode);
    }

    [Fact]
    public async Task The_board_refuses_a_rejection_without_the_confirmation_box()
    {
        var (hr, _, application) = await AppliedAsync();
        var id = Id(application);
        var jobId = application.GetProperty("jobId").GetString();
        var board = await hr.GetStringAsync($"/Employer/Jobs/Board/{jobId}");
        Assert.Contains(id, board);
        var token = Regex.Match(board, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await hr.PostAsync($"/Employer/Jobs/Board/{jobId}?handler=Reject", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["applicationId"] = id, ["reason"] = "不合适", ["version"] = Version(application), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("拒绝申请须由招聘人员确认", await hr.GetStringAsync($"/Employer/Jobs/Board/{jobId}"));
        Assert.Equal("applied", (await hr.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("stage").GetString());

        var foreign = await factory.SignedInAsync("hr2");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/Employer/Jobs/Board/{jobId}")).StatusCode);
    }
}
