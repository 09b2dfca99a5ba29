using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

public sealed class ProjectsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    /// <summary>Two HR-service agencies with one consultant each, next to the factory's employers and seekers.</summary>
    public async Task InitializeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("agency1") is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "A1", Name = "青岛匠才人力资源服务有限公司", Uscc = "91370211MA3C8L4R5F", CityCode = "370211", IndustryCluster = "智能制造", IsAgency = true, Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "A2", Name = "青岛英才猎头服务有限公司", Uscc = "91370212MA3D2C6S7G", CityCode = "370212", IndustryCluster = "智能制造", IsAgency = true, Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        foreach (var (name, employer) in new[] { ("agency1", "A1"), ("agency2", "A2") })
        {
            var user = new AppUser { UserName = name, DisplayName = name, EmployerId = employer };
            Assert.True((await users.CreateAsync(user, ApiFactory.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Agency);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_partial_update_changes_only_the_fields_it_sends()
    {
        var agency = await factory.SignedInAsync("agency1");
        var id = (await factory.Services.CreateAcceptedProjectAsync(agency, NewProject())).GetProperty("id").GetString()!;
        var updated = await Json(await agency.PutAsJsonAsync($"/api/v1/projects/{id}", new { notes = "持焊工证，能上夜班" }), HttpStatusCode.OK);
        Assert.Equal("持焊工证，能上夜班", updated.GetProperty("notes").GetString());
        Assert.Equal("焊接技师专项招聘", updated.GetProperty("title").GetString());
        Assert.Equal(2, updated.GetProperty("targetHeadcount").GetInt32());
        Assert.Equal(8000, updated.GetProperty("payMin").GetInt32());
        Assert.Equal(12000, updated.GetProperty("payMax").GetInt32());
        Assert.Equal("到岗后按年薪20%收费", updated.GetProperty("feeTerms").GetString());
        Assert.Equal("6-18-02-04", updated.GetProperty("occupationCode").GetString());
        Assert.Equal(3, updated.GetProperty("minGrade").GetInt32());
    }

    private static object NewProject(int target = 2) => new
    {
        clientEmployerId = "E1", title = "焊接技师专项招聘", targetHeadcount = target, occupationCode = "6-18-02-04", minGrade = 3, city = "370211",
        payMin = 8000, payMax = 12000, feeTerms = "到岗后按年薪20%收费", notes = "持焊工证",
    };

    [Fact]
    public async Task An_agency_runs_a_project_and_the_client_reads_the_report()
    {
        var agency = await factory.SignedInAsync("agency1");
        var project = await factory.Services.CreateAcceptedProjectAsync(agency, NewProject(target: 2));
        var id = project.GetProperty("id").GetString()!;

        // The engine suggests the seeker who shares with the zone (T1), masked, never the one who does not (T2).
        var suggestions = await Json(await agency.GetAsync($"/api/v1/projects/{id}/suggestions?top=5"), HttpStatusCode.OK);
        var suggested = suggestions.EnumerateArray().Select(s => s.GetProperty("talentId").GetString()).ToList();
        Assert.Contains("T1", suggested);
        Assert.DoesNotContain("T2", suggested);
        Assert.DoesNotContain("13812345678", suggestions.GetRawText());
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T2" }), HttpStatusCode.NotFound);

        var candidate = await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" }), HttpStatusCode.Created);
        Assert.Equal("张*", candidate.GetProperty("maskedName").GetString());
        var candidateId = candidate.GetProperty("id").GetString()!;
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" }), HttpStatusCode.Conflict);
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates/{candidateId}/stage", new { to = "hired" }), HttpStatusCode.Conflict);
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates/{candidateId}/stage", new { to = "nowhere" }), HttpStatusCode.BadRequest);
        foreach (var stage in new[] { "screened", "recommended", "interviewed", "hired" })
            await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates/{candidateId}/stage", new { to = stage }), HttpStatusCode.OK);

        // The client's HR sees the project run for them, read-only.
        var hr = await factory.SignedInAsync("hr1");
        var listed = await Json(await hr.GetAsync("/api/v1/projects"), HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("id").GetString() == id && p.GetProperty("role").GetString() == "client");
        var read = await Json(await hr.GetAsync($"/api/v1/projects/{id}"), HttpStatusCode.OK);
        Assert.Equal(0.5, read.GetProperty("deliveryRate").GetDouble(), 6);
        Assert.Equal(1, read.GetProperty("reached").GetProperty("hired").GetInt32());
        var report = await Json(await hr.GetAsync($"/api/v1/projects/{id}/report?period=monthly"), HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("totals").GetProperty("screened").GetInt32());
        Assert.Equal(0.5, report.GetProperty("deliveryRate").GetDouble(), 6);
        Assert.Equal(1, report.GetProperty("periods")[report.GetProperty("periods").GetArrayLength() - 1].GetProperty("cumulative").GetProperty("hired").GetInt32());
        await Json(await hr.GetAsync($"/api/v1/projects/{id}/report?period=daily"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" })).StatusCode);
    }

    [Fact]
    public async Task Another_agency_gets_404_and_hr_users_cannot_create_projects()
    {
        var agency = await factory.SignedInAsync("agency1");
        var id = (await factory.Services.CreateAcceptedProjectAsync(agency, NewProject())).GetProperty("id").GetString()!;
        var candidateId = (await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

        var other = await factory.SignedInAsync("agency2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}/suggestions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/projects/{id}/candidates/{candidateId}/stage", new { to = "screened" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/projects/{id}", NewProject())).StatusCode);
        Assert.DoesNotContain(id, await other.GetStringAsync("/api/v1/projects"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Agency/Projects/{id}")).StatusCode);

        // An HR user of another employer sees nothing; no HR user creates a project.
        var foreignHr = await factory.SignedInAsync("hr2");
        Assert.Equal(HttpStatusCode.NotFound, (await foreignHr.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await foreignHr.PostAsJsonAsync("/api/v1/projects", NewProject())).StatusCode);
        var clientHr = await factory.SignedInAsync("hr1");
        Assert.Equal(HttpStatusCode.Forbidden, (await clientHr.PostAsJsonAsync("/api/v1/projects", NewProject())).StatusCode);
        var seeker = await factory.SignedInAsync("seeker1");
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync($"/api/v1/projects/{id}")).StatusCode);

        // Bad input is a 400 naming the field, never a 500.
        var invalid = await Json(await agency.PostAsJsonAsync("/api/v1/projects", new { clientEmployerId = "E1", title = "", targetHeadcount = 1, city = "370211" }),
            HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("title", out _));
        await Json(await agency.PostAsJsonAsync("/api/v1/projects", new { clientEmployerId = "E9", title = "x", targetHeadcount = 1, city = "370211" }), HttpStatusCode.BadRequest);
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/status", new { status = "closed" }), HttpStatusCode.OK);
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/status", new { status = "open" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_refusal_names_its_code_and_the_field_it_concerns()
    {
        var agency = await factory.SignedInAsync("agency1");
        // All required fields missing: one answer names each of them.
        var missing = await Json(await agency.PostAsJsonAsync("/api/v1/projects", new { title = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["city", "clientEmployerId", "targetHeadcount", "title"],
            missing.GetProperty("codes").EnumerateObject().Where(f => f.Value[0].GetString() == "input.required").Select(f => f.Name).Order());
        var upsideDown = await Json(await agency.PostAsJsonAsync("/api/v1/projects", new
        {
            clientEmployerId = "E1", title = "x", targetHeadcount = 1, city = "370211", payMin = 9000, payMax = 5000,
        }), HttpStatusCode.BadRequest);
        Assert.Equal("headhunting.pay_range", upsideDown.GetProperty("codes").GetProperty("payMin")[0].GetString());
        Assert.Equal("headhunting.unknown_client", (await Json(await agency.PostAsJsonAsync("/api/v1/projects",
            new { clientEmployerId = "E9", title = "x", targetHeadcount = 1, city = "370211" }), HttpStatusCode.BadRequest))
            .GetProperty("codes").GetProperty("clientEmployerId")[0].GetString());

        var id = (await factory.Services.CreateAcceptedProjectAsync(agency, NewProject())).GetProperty("id").GetString()!;
        Assert.True((await Json(await agency.GetAsync($"/api/v1/projects/{id}/suggestions?top=51"), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("top", out _));
        var candidateId = (await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var skip = await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates/{candidateId}/stage", new { to = "hired" }), HttpStatusCode.Conflict);
        Assert.Equal("headhunting.stage_skip", skip.GetProperty("code").GetString());
        var noReason = await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates/{candidateId}/stage", new { to = "dropped" }), HttpStatusCode.BadRequest);
        Assert.Equal("headhunting.drop_reason_required", noReason.GetProperty("codes").GetProperty("reason")[0].GetString());
        Assert.Equal("headhunting.project_not_found",
            (await Json(await (await factory.SignedInAsync("agency2")).GetAsync($"/api/v1/projects/{id}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_project_waits_for_its_client_hr_who_accepts_or_declines_it_with_a_reason()
    {
        var agency = await factory.SignedInAsync("agency1");
        var created = await Json(await agency.PostAsJsonAsync("/api/v1/projects", NewProject()), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("awaiting", created.GetProperty("clientDecision").GetString());
        var refused = await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("headhunting.not_accepted", refused.GetProperty("code").GetString());
        Assert.Equal("headhunting.not_accepted",
            (await Json(await agency.GetAsync($"/api/v1/projects/{id}/suggestions"), HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        // The agency cannot accept its own project; another employer's HR does not see it; a decline needs a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsync($"/api/v1/projects/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignedInAsync("hr2")).PostAsync($"/api/v1/projects/{id}/accept", null)).StatusCode);
        var hr = await factory.SignedInAsync("hr1");
        Assert.Contains(id, await hr.GetStringAsync("/api/v1/projects"));
        var noReason = await Json(await hr.PostAsJsonAsync($"/api/v1/projects/{id}/decline", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("headhunting.decline_reason_required", noReason.GetProperty("codes").GetProperty("reason")[0].GetString());
        var accepted = await Json(await hr.PostAsync($"/api/v1/projects/{id}/accept", null), HttpStatusCode.OK);
        Assert.Equal(("accepted", "client"), (accepted.GetProperty("clientDecision").GetString(), accepted.GetProperty("role").GetString()));
        await Json(await hr.PostAsJsonAsync($"/api/v1/projects/{id}/decline", new { reason = "改主意了" }), HttpStatusCode.Conflict);
        await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{id}/candidates", new { talentId = "T1" }), HttpStatusCode.Created);

        var second = (await Json(await agency.PostAsJsonAsync("/api/v1/projects", NewProject()), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var declined = await Json(await hr.PostAsJsonAsync($"/api/v1/projects/{second}/decline", new { reason = "已有合作机构" }), HttpStatusCode.OK);
        Assert.Equal(("declined", "已有合作机构"), (declined.GetProperty("clientDecision").GetString(), declined.GetProperty("clientDeclineReason").GetString()));
        Assert.Contains("已有合作机构", await agency.GetStringAsync($"/Agency/Projects/{second}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await agency.PostAsJsonAsync($"/api/v1/projects/{second}/status", new { status = "paused" })).StatusCode);
    }

    [Fact]
    public async Task The_client_hr_accepts_a_project_on_its_page()
    {
        var agency = await factory.SignedInAsync("agency1");
        var id = (await Json(await agency.PostAsJsonAsync("/api/v1/projects", NewProject()), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.DoesNotContain("id=\"suggestions\"", await agency.GetStringAsync($"/Agency/Projects/{id}"));
        var hr = await factory.SignedInAsync("hr1");
        var page = await hr.GetStringAsync($"/Agency/Projects/{id}");
        Assert.Contains("id=\"accept-project\"", page);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await hr.PostAsync($"/Agency/Projects/{id}?handler=Accept",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("data-decision=\"accepted\"", await hr.GetStringAsync($"/Agency/Projects/{id}"));
        Assert.Contains("id=\"suggestions\"", await agency.GetStringAsync($"/Agency/Projects/{id}"));
    }

    [Fact]
    public async Task The_project_form_shows_why_it_was_not_saved_and_marks_the_field()
    {
        var agency = await factory.SignedInAsync("agency1");
        var page = await agency.GetStringAsync("/Agency/Projects");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await agency.PostAsync("/Agency/Projects", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Title"] = "焊接技师专项招聘", ["Form.ClientEmployerId"] = "E1", ["Form.TargetHeadcount"] = "2",
            ["Form.City"] = "370211", ["Form.PayMin"] = "15000", ["Form.PayMax"] = "9000",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"project-problem\"[^>]*>[^<]*下限不能高于上限", html);
        Assert.Matches("name=\"Form.PayMin\" class=\"invalid\"", html);
        Assert.DoesNotMatch("name=\"Form.Title\" class=\"invalid\"", html);
    }
}
