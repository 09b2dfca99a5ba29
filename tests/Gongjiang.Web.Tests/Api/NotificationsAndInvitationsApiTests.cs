using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongjiang.Web.Tests.Api;

public sealed class NotificationsAndInvitationsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<string> OpenJobAsync(HttpClient hr)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "氩弧焊工", occupation_code = "6-18-02-04", min_grade = 4, city = "370211", salary = new { min = 7000, max = 11000 },
            headcount = 2, expires_at = "2027-06-30", description = "负责不锈钢管道氩弧焊接。", status = "open",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
        return id;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task HR_invites_a_talent_the_seeker_sees_it_in_the_inbox_and_accepting_puts_an_application_on_the_board()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker1");
        var job = await OpenJobAsync(hr);

        var invitation = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T1", message = "欢迎投递" }), HttpStatusCode.Created);
        Assert.Equal("pending", invitation.GetProperty("status").GetString());
        var id = invitation.GetProperty("id").GetString();

        var inbox = await Json(await seeker.GetAsync("/api/v1/me/notifications?unread=true"), HttpStatusCode.OK);
        var notice = inbox.GetProperty("items").EnumerateArray().First(n => n.GetProperty("kind").GetString() == "invitation");
        Assert.Contains("欢迎投递", notice.GetProperty("body").GetString());
        var noticeId = notice.GetProperty("id").GetInt64();
        // Another user's notification does not exist for hr1.
        await Json(await hr.PostAsync($"/api/v1/me/notifications/{noticeId}/read", null), HttpStatusCode.NotFound);
        var read = await Json(await seeker.PostAsync($"/api/v1/me/notifications/{noticeId}/read", null), HttpStatusCode.OK);
        Assert.True(read.TryGetProperty("readAt", out _));

        var mine = await Json(await seeker.GetAsync("/api/v1/me/invitations"), HttpStatusCode.OK);
        Assert.Contains(mine.EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        var accepted = await Json(await seeker.PostAsync($"/api/v1/invitations/{id}/accept", null), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var applicationId = accepted.GetProperty("applicationId").GetString();

        var board = await Json(await hr.GetAsync($"/api/v1/jobs/{job}/applications"), HttpStatusCode.OK);
        var applied = board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("stage").GetString() == "applied");
        Assert.Equal([applicationId], applied.GetProperty("applications").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var hrInbox = await Json(await hr.GetAsync("/api/v1/me/notifications"), HttpStatusCode.OK);
        Assert.Contains(hrInbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "invitation.answered");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/v1/me/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, (await Json(await hr.GetAsync("/api/v1/me/notifications"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_second_invitation_is_409_a_foreign_job_404_bad_input_400_and_a_decline_is_final()
    {
        var hr = await factory.SignedInAsync("hr1");
        var foreignHr = await factory.SignedInAsync("hr2");
        var seeker = await factory.SignedInAsync("seeker2");
        var otherSeeker = await factory.SignedInAsync("seeker1");
        var job = await OpenJobAsync(hr);

        var invitation = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T2" }), HttpStatusCode.Created);
        var id = invitation.GetProperty("id").GetString();
        var duplicate = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T2" }), HttpStatusCode.Conflict);
        Assert.Contains("正在等待答复", duplicate.GetProperty("detail").GetString());
        await Json(await foreignHr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T2" }), HttpStatusCode.NotFound);
        await Json(await foreignHr.GetAsync($"/api/v1/jobs/{job}/invitations"), HttpStatusCode.NotFound);
        await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T404" }), HttpStatusCode.NotFound);
        await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { message = "没有人选" }), HttpStatusCode.BadRequest);
        await Json(await hr.PostAsync($"/api/v1/jobs/{job}/invitations", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T2", message = new string('长', 501) }), HttpStatusCode.BadRequest);

        await Json(await otherSeeker.PostAsync($"/api/v1/invitations/{id}/accept", null), HttpStatusCode.NotFound);
        await Json(await hr.PostAsync($"/api/v1/invitations/{id}/accept", null), HttpStatusCode.Forbidden);
        var declined = await Json(await seeker.PostAsync($"/api/v1/invitations/{id}/decline", null), HttpStatusCode.OK);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        await Json(await seeker.PostAsync($"/api/v1/invitations/{id}/accept", null), HttpStatusCode.Conflict);
        var sent = await Json(await hr.GetAsync($"/api/v1/jobs/{job}/invitations"), HttpStatusCode.OK);
        Assert.Equal(["declined"], sent.EnumerateArray().Select(i => i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Over_the_daily_invitation_limit_the_answer_is_429_with_a_clear_message()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Invitations:DailyLimitPerEmployer", "1"));
        var hr = await SignedInAsync(limited, "hr2");
        var job = await OpenJobAsync(hr);
        await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T1" }), HttpStatusCode.Created);
        var over = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T2" }), HttpStatusCode.TooManyRequests);
        Assert.Contains("今日邀请已达上限", over.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bulk_move_reports_a_result_per_application_and_hides_other_employers_jobs()
    {
        var hr = await factory.SignedInAsync("hr1");
        var foreignHr = await factory.SignedInAsync("hr2");
        var job = await OpenJobAsync(hr);
        var ids = new List<string>();
        foreach (var user in new[] { "seeker1", "seeker2" })
        {
            var seeker = await factory.SignedInAsync(user);
            ids.Add((await Json(await seeker.PostAsync($"/api/v1/jobs/{job}/applications", null), HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }
        await Json(await hr.PostAsJsonAsync($"/api/v1/applications/{ids[1]}/stage", new { to = "interview" }), HttpStatusCode.OK);

        var report = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/applications/bulk", new { applicationIds = ids.Append("A-nope"), to = "screening" }), HttpStatusCode.OK);
        Assert.Equal((1, 2), (report.GetProperty("changed").GetInt32(), report.GetProperty("refused").GetInt32()));
        Assert.Equal([200, 409, 404], report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetInt32()));
        var rejectWithoutReason = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/applications/bulk", new { applicationIds = ids, to = "rejected", confirm = true }), HttpStatusCode.OK);
        Assert.Equal(0, rejectWithoutReason.GetProperty("changed").GetInt32());
        var rejected = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/applications/bulk", new { applicationIds = ids, to = "rejected", confirm = true, reason = "岗位已招满" }), HttpStatusCode.OK);
        Assert.Equal(2, rejected.GetProperty("changed").GetInt32());

        await Json(await foreignHr.PostAsJsonAsync($"/api/v1/jobs/{job}/applications/bulk", new { applicationIds = ids, to = "screening" }), HttpStatusCode.NotFound);
        await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/applications/bulk", new { applicationIds = Array.Empty<string>(), to = "screening" }), HttpStatusCode.BadRequest);
        await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/applications/bulk", new { applicationIds = ids, to = "somewhere" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_inbox_api_needs_a_signed_in_user()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/me/notifications/1/read", null)).StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
