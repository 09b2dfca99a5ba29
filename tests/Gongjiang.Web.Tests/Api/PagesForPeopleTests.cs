using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// What a person in a browser sees: error pages in their language with a way back (never JSON, which stays for /api),
/// the page of a posting the platform took down, each role's own home after signing in, times in China time and the
/// import templates that the importer accepts.
/// </summary>
public sealed partial class PagesForPeopleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string EnglishCulture = "c=en|uic=en";

    private HttpClient Anonymous(string? culture = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        if (culture is not null) client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(culture));
        return client;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    [Fact]
    public async Task An_unknown_page_is_a_Chinese_page_with_a_link_home_and_English_when_the_culture_cookie_says_so()
    {
        var chinese = await HtmlAsync(await Anonymous().GetAsync("/no/such/page"), HttpStatusCode.NotFound);
        Assert.Contains("<html lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("页面不存在", chinese, StringComparison.Ordinal);
        Assert.Matches(StatusLinkHome(), chinese);

        var english = await HtmlAsync(await Anonymous(EnglishCulture).GetAsync("/no/such/page"), HttpStatusCode.NotFound);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Page not found", english, StringComparison.Ordinal);
        Assert.DoesNotContain("页面不存在", english, StringComparison.Ordinal);
        Assert.Matches(StatusLinkHome(), english);
    }

    [Fact]
    public async Task An_unknown_api_path_stays_problem_details_json_even_for_a_browser()
    {
        var response = await Anonymous().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_page_of_another_role_leads_to_a_readable_refusal_with_a_way_home_and_a_signed_out_visitor_to_the_sign_in()
    {
        using var seeker = await factory.SignedInAsync("seeker1");
        var refused = await seeker.GetAsync("/Operator");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Account/Denied", refused.Headers.Location!.AbsolutePath);
        var denied = await HtmlAsync(await seeker.GetAsync(refused.Headers.Location), HttpStatusCode.OK);
        Assert.Contains("无权访问", denied, StringComparison.Ordinal);
        Assert.Contains("href=\"/Seeker/Recommendations\" id=\"back-home\"", denied, StringComparison.Ordinal);
        Assert.Contains("/Account/Login?ReturnUrl=%2FOperator", denied, StringComparison.Ordinal);

        var signedOut = await Anonymous().GetAsync("/Seeker/Profile");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/Account/Login", signedOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var login = await HtmlAsync(await Anonymous().GetAsync(signedOut.Headers.Location), HttpStatusCode.OK);
        Assert.Contains("登录工匠平台", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_asked_with_a_method_it_does_not_take_is_a_readable_page()
    {
        // A form post (with its antiforgery token) to a page that takes none: 405 in words.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await HtmlAsync(await client.PostAsync("/Privacy", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })),
            HttpStatusCode.MethodNotAllowed);
        Assert.Contains("不支持该操作", posted, StringComparison.Ordinal);
        Assert.Matches(StatusLinkHome(), posted);

        // Another method altogether is refused with a page too, never an empty answer.
        var deleted = await HtmlAsync(await Anonymous().DeleteAsync("/Jobs"), HttpStatusCode.BadRequest);
        Assert.Contains("id=\"status-page\"", deleted, StringComparison.Ordinal);
        Assert.Matches(StatusLinkHome(), deleted);
    }

    [Theory]
    [InlineData("seeker1", null, "/Seeker/Recommendations")]
    [InlineData("hr1", null, "/Employer/Jobs")]
    [InlineData("operator1", null, "/Operator")]
    [InlineData("agency-home", null, "/Agency/Projects")]
    [InlineData("hr1", "/Jobs?q=焊工", "/Jobs?q=焊工")]
    public async Task Each_role_lands_on_its_own_home_after_signing_in_unless_it_came_from_a_page(string userName, string? returnUrl, string expected)
    {
        if (userName == "agency-home") await EnsureUserAsync(userName, Roles.Agency, "E2");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = "/Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await client.GetStringAsync(login);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        var response = await client.PostAsync(login, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task The_employers_home_counts_the_applications_not_looked_at_yet()
    {
        using var hr = await factory.SignedInAsync("hr1");
        var page = await HtmlAsync(await hr.GetAsync("/Employer/Jobs"), HttpStatusCode.OK);
        Assert.Contains("id=\"new-applicants\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_record_is_shown_in_China_time()
    {
        // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in Shanghai: the day and the hour both differ from UTC.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var seeker = await db.Users.FirstAsync(u => u.UserName == "seeker2");
            db.PrivacyConsents.Add(new PrivacyConsent
            {
                UserId = seeker.Id, PolicyVersion = "2026-china-time", Purpose = "registration", AgreedAt = new DateTime(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignedInAsync("seeker2");
        var page = await HtmlAsync(await client.GetAsync("/Seeker/MyData"), HttpStatusCode.OK);
        Assert.Contains("2026-china-time · 2027-01-01 00:30", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-31 16:30", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posting_the_platform_took_down_tells_the_seeker_why_instead_of_not_found()
    {
        using var hr = await factory.SignedInAsync("hr1");
        var csv = "id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\n"
            + "JDOWN1,氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接，五险一金。,open\n";
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/v1/import/jobs", Upload(csv, "jobs.csv"))).StatusCode);
        using var seeker = await factory.SignedInAsync("seeker1");
        Assert.Equal(HttpStatusCode.OK, (await seeker.GetAsync("/Jobs/Detail/JDOWN1")).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var operatorId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("operator1"))!.Id;
            var taken = await scope.ServiceProvider.GetRequiredService<ComplaintService>().TakeDownAsync(operatorId, "JDOWN1", "岗位描述与实际工作内容不符，经核实后下架。");
            Assert.True(taken.Succeeded);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var page = await HtmlAsync(await seeker.GetAsync("/Jobs/Detail/JDOWN1"), HttpStatusCode.Gone);
        Assert.Contains("该岗位已被平台下架", page, StringComparison.Ordinal);
        Assert.Contains("岗位描述与实际工作内容不符，经核实后下架。", page, StringComparison.Ordinal);
        Assert.Contains("氩弧焊工", page, StringComparison.Ordinal);
        Assert.DoesNotContain("负责管道焊接", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"apply\"", page, StringComparison.Ordinal);
        // A posting that never existed is still just not found.
        await HtmlAsync(await seeker.GetAsync("/Jobs/Detail/JNEVER"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_jobs_template_has_the_importers_columns_and_imports_once_a_row_is_filled_in()
    {
        using var hr = await factory.SignedInAsync("hr1");
        var template = await hr.GetAsync("/Employer/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("jobs-template.csv", template.Content.Headers.ContentDisposition?.FileNameStar ?? template.Content.Headers.ContentDisposition?.FileName);
        var text = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync());
        var header = text.TrimStart('\uFEFF').TrimEnd('\r', '\n');
        Assert.Equal(string.Join(',', TabularImport.JobColumns), header);

        var row = Row(TabularImport.JobColumns, new()
        {
            ["id"] = "JTPL1", ["title"] = "数控车工", ["occupation_code"] = "6-18-01-01", ["min_grade"] = "4", ["city"] = "370211",
            ["salary_min"] = "6000", ["salary_max"] = "9000", ["headcount"] = "3", ["description"] = "操作数控车床加工轴类零件。", ["status"] = "draft",
        });
        var imported = await hr.PostAsync("/api/v1/import/jobs", Upload(text + row, "jobs-template.csv"));
        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(1, JsonDocument.Parse(body).RootElement.GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task The_talent_template_has_the_importers_columns_and_imports_once_a_row_is_filled_in()
    {
        using var op = await factory.SignedInAsync("operator1");
        var template = await op.GetAsync("/Operator/Import?handler=Template&kind=talent");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var text = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal(string.Join(',', TabularImport.TalentColumns), text.TrimStart('\uFEFF').TrimEnd('\r', '\n'));

        var row = Row(TabularImport.TalentColumns, new()
        {
            ["id"] = "TTPL1", ["name"] = "周强", ["phone"] = "13600001234", ["city"] = "370211", ["occupations"] = "6-18-02-04:3:certified", ["skills"] = "氩弧焊;二氧化碳保护焊",
        });
        var imported = await op.PostAsync("/api/v1/import/talent", Upload(text + row, "talent-template.csv"));
        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(1, JsonDocument.Parse(body).RootElement.GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task The_classifications_marks_are_labelled_tags_not_letters_glued_to_the_name()
    {
        var page = await HtmlAsync(await Anonymous().GetAsync("/Taxonomy?q=" + Uri.EscapeDataString("工业机器人系统操作员")), HttpStatusCode.OK);
        Assert.Matches(@"工业机器人系统操作员\s*<span class=""tag tag-digital occ-mark"" title=""《职业分类大典》标注 S"">数字职业</span>", page);
        Assert.DoesNotContain("工业机器人系统操作员S", page, StringComparison.Ordinal);
    }

    /// <summary>One CSV line in the template's column order, the named cells filled and the others left empty.</summary>
    private static string Row(IReadOnlyList<string> columns, Dictionary<string, string> cells) =>
        string.Join(',', columns.Select(c => cells.GetValueOrDefault(c, ""))) + "\r\n";

    private static MultipartFormDataContent Upload(string content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task EnsureUserAsync(string name, string role, string employerId)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is not null) return;
        var user = new AppUser { UserName = name, DisplayName = name, EmployerId = employerId };
        Assert.True((await users.CreateAsync(user, ApiFactory.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }

    [GeneratedRegex("<a class=\"btn btn-primary\" href=\"/\">")]
    private static partial Regex StatusLinkHome();
}
