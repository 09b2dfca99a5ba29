using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// HR opens an applicant's résumé from the board through the API and the pages (one use case behind both): the source
/// is logged, the application comes with it, the contact data shows as the consent rules say, and the seeker sees 已查看.
/// </summary>
public sealed class ResumeViewApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> OpenWeldingJobAsync(HttpClient hr)
    {
        var job = await OkJson(await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "氩弧焊工", occupation_code = "6-18-02-04", min_grade = 4, city = "370211", salary = new { min = 7000, max = 10000 },
            headcount = 2, expires_at = "2027-06-30", description = "不锈钢管道氩弧焊接。", status = "open", skills = new[] { new { name = "氩弧焊", weight = 1.0 } },
        }));
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);
        return id;
    }

    /// <summary>The application's viewedAt, null when left out (nulls are not written) or null.</summary>
    private static DateTime? ViewedAt(JsonElement application) =>
        application.TryGetProperty("viewedAt", out var at) && at.ValueKind != JsonValueKind.Null ? at.GetDateTime() : null;

    [Fact]
    public async Task Hr_opens_an_applicant_from_the_board_and_the_seeker_sees_it_viewed()
    {
        var hr = await factory.SignedInAsync("hr1");
        var foreignHr = await factory.SignedInAsync("hr2");
        var seeker = await factory.SignedInAsync("seeker2"); // T2 does not share the résumé with the zone
        var job = await OpenWeldingJobAsync(hr);

        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/talent/T2?source=search")).StatusCode);
        var application = await OkJson(await seeker.PostAsync($"/api/v1/jobs/{job}/applications", null));
        var applicationId = application.GetProperty("id").GetString();
        Assert.Null(ViewedAt(application));

        // Bad input: an unknown source is a ProblemDetails naming the field; another employer's HR finds nothing.
        var bad = await hr.GetAsync($"/api/v1/talent/T2?source=email&application={applicationId}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("sharing.unknown_source", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("source")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await foreignHr.GetAsync($"/api/v1/talent/T2?source=board&application={applicationId}")).StatusCode);
        Assert.Null(ViewedAt((await OkJson(await seeker.GetAsync("/api/v1/me/applications")))[0]));

        // Applying handed the contact data to this employer: the applicant's name in full.
        var resume = await OkJson(await hr.GetAsync($"/api/v1/talent/T2?source=board&application={applicationId}"));
        Assert.Equal(("李娜", "13987654321", "application", "board"), (resume.GetProperty("name").GetString(), resume.GetProperty("phone").GetString(),
            resume.GetProperty("basis").GetString(), resume.GetProperty("source").GetString()));
        Assert.Equal(["name", "phone", "email"], resume.GetProperty("revealed").EnumerateArray().Select(k => k.GetString()));
        var from = resume.GetProperty("application");
        Assert.Equal((applicationId, job, "applied"), (from.GetProperty("id").GetString(), from.GetProperty("job_id").GetString(), from.GetProperty("stage").GetString()));
        Assert.Empty(resume.GetProperty("attachments").EnumerateArray());

        var mine = (await OkJson(await seeker.GetAsync("/api/v1/me/applications")))[0];
        var viewedAt = ViewedAt(mine)!.Value;
        Assert.Equal(viewedAt, from.GetProperty("viewed_at").GetDateTime());
        var log = (await OkJson(await seeker.GetAsync("/api/v1/me/resume-views")))[0];
        Assert.Equal(("board", "api", "E1"), (log.GetProperty("source").GetString(), log.GetProperty("channel").GetString(), log.GetProperty("employerId").GetString()));

        var page = await seeker.GetStringAsync("/Seeker/Applications");
        Assert.Contains("已查看 " + Gongjiang.Core.Common.ChinaTime.Minutes(viewedAt), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_card_links_to_the_resume_page_which_shows_the_stage_and_the_way_back()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker1"); // T1: 焊工 三级, 氩弧焊
        var job = await OpenWeldingJobAsync(hr);
        var applicationId = (await OkJson(await seeker.PostAsync($"/api/v1/jobs/{job}/applications", null))).GetProperty("id").GetString();

        var board = await hr.GetStringAsync($"/Employer/Jobs/Board/{job}");
        var link = $"/Employer/Talent/View/T1?from=board&application={applicationId}";
        Assert.Contains(link, board, StringComparison.Ordinal);
        Assert.Contains("三级/高级工", board, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-muted\">氩弧焊</span>", board, StringComparison.Ordinal);
        Assert.Contains("class=\"reasons\"", board, StringComparison.Ordinal);

        // The API's board says the same of the applicant.
        var candidate = (await OkJson(await hr.GetAsync($"/api/v1/jobs/{job}/applications"))).GetProperty("candidates").EnumerateArray().Single();
        Assert.Equal(("T1", "张伟", "6-18-02-04", 3), (candidate.GetProperty("talentId").GetString(), candidate.GetProperty("name").GetString(),
            candidate.GetProperty("occupationCode").GetString(), candidate.GetProperty("grade").GetInt32()));
        Assert.Equal(["氩弧焊"], candidate.GetProperty("keySkills").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(3, candidate.GetProperty("reasons").GetProperty("gradeHeld").GetInt32());

        // The seeker's structured work history shows in the résumé, newest first.
        var history = new[]
        {
            new { employer = "青岛蓝海装备", title = "焊工", start = "2019-03", end = (string?)"2022-06", duties = "压力容器氩弧焊" },
            new { employer = "海港重工", title = "焊接班长", start = "2022-07", end = (string?)null, duties = "带班 8 人" },
        };
        Assert.True((await seeker.PutAsJsonAsync("/api/v1/talent/me/work-history", history)).IsSuccessStatusCode);

        var resume = await hr.GetStringAsync(link);
        var work = Regex.Match(resume, "id=\"resume-work-history\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.True(work.IndexOf("焊接班长", StringComparison.Ordinal) is >= 0 and var newest && newest < work.IndexOf("青岛蓝海装备", StringComparison.Ordinal), work);
        Assert.Contains("2019-03 – 2022-06", work, StringComparison.Ordinal);
        Assert.Contains("2022-07 – 至今", work, StringComparison.Ordinal);
        Assert.Contains("id=\"from-application\" data-stage=\"applied\"", resume, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Employer/Jobs/Board/{job}\">返回招聘看板", resume, StringComparison.Ordinal);
        Assert.Contains("张伟", resume, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/Employer/Talent/View/T1?from=email")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignedInAsync("hr2")).GetAsync(link)).StatusCode);

        // 沟通 on the board card opens a conversation with the applicant about this job.
        var form = Regex.Match(board, "<form[^>]*action=\"/Chat\\?handler=Start\"[^>]*>(.*?)</form>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"name=\"talentId\" value=\"T1\"", form, StringComparison.Ordinal);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var started = await hr.PostAsync("/Chat?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jobId"] = job!, ["talentId"] = "T1", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.StartsWith("/Chat/", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var conversations = await OkJson(await hr.GetAsync("/api/v1/conversations"));
        Assert.Contains(conversations.EnumerateArray(), c => c.GetProperty("jobId").GetString() == job && c.GetProperty("otherName").GetString() == "张伟");
    }

    [Fact]
    public async Task The_board_lists_the_talent_invited_to_the_job_and_each_opens_in_the_resume_view_logged_as_from_the_invitation()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker1");
        var job = await OpenWeldingJobAsync(hr);
        await OkJson(await hr.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T1", message = "欢迎投递氩弧焊工岗位" }));

        var board = await hr.GetStringAsync($"/Employer/Jobs/Board/{job}");
        Assert.Contains("id=\"invitations\"", board, StringComparison.Ordinal);
        Assert.Contains("/Employer/Talent/View/T1?from=invitation", board, StringComparison.Ordinal);
        // The invited seeker's name as the rules give it to this employer (masked from the pool, in full once applied to
        // one of its jobs), the same on the board and in the résumé.
        var resume = await hr.GetStringAsync("/Employer/Talent/View/T1?from=invitation");
        var name = System.Text.RegularExpressions.Regex.Match(resume, "<span id=\"talent-name\">([^<]+)</span>").Groups[1].Value;
        Assert.Contains($"<strong>{name}</strong>", board, StringComparison.Ordinal);
        Assert.Matches("^张(伟|\\*)$", name);
        var log = (await OkJson(await seeker.GetAsync("/api/v1/me/resume-views")))[0];
        Assert.Equal(("invitation", "page"), (log.GetProperty("source").GetString(), log.GetProperty("channel").GetString()));
    }
}
