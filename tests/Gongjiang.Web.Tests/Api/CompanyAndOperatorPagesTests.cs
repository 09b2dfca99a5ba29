using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>The company page shows a use case's field errors on its form; the operators' dashboard and decisions answer as before.</summary>
public sealed class CompanyAndOperatorPagesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_bad_website_is_shown_under_its_field_and_a_good_profile_is_saved()
    {
        var hr = await factory.SignedInAsync("hr1");
        var page = await hr.GetStringAsync("/Employer/Company");
        var bad = await hr.PostAsync("/Employer/Company", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Description"] = "精密机械加工", ["Website"] = "not a site", ["Address"] = "黄岛区", ["__RequestVerificationToken"] = Token(page),
        }));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Matches("name=\"Website\" value=\"not a site\" class=\"invalid\"", html);
        Assert.Contains("<span class=\"field-error\">请输入有效的网址，如 www.example.com</span>", WebUtility.HtmlDecode(html));

        var good = await hr.PostAsync("/Employer/Company", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Description"] = "精密机械加工", ["Website"] = "www.haizhuo.example.cn", ["Address"] = "黄岛区", ["__RequestVerificationToken"] = Token(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode); // back to the page, with the message
        var saved = await hr.GetStringAsync("/Employer/Company");
        Assert.Contains("企业介绍已保存。", WebUtility.HtmlDecode(saved));
        Assert.Contains("value=\"https://www.haizhuo.example.cn\"", saved);
    }

    [Fact]
    public async Task The_dashboard_shows_the_zone_and_a_rejection_needs_a_note()
    {
        var op = await factory.SignedInAsync("operator1");
        var dashboard = await op.GetStringAsync("/Operator");
        Assert.Contains("运营总览", dashboard);
        Assert.Contains("在招岗位", dashboard);

        var noNote = await op.PostAsJsonAsync("/api/v1/employers/E2/verification", new { approve = false });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var problem = await noNote.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("employer.rejection_note_required", problem.GetProperty("codes").GetProperty("note")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/api/v1/taxonomy/occupations/9-99-99-99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsJsonAsync("/api/v1/employers/E-NOPE/verification", new { approve = true })).StatusCode);
    }
}
