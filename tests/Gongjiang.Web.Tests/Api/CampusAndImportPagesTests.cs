using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>The campus, import and project pages render for their users and the import page previews an upload through the form.</summary>
public sealed class CampusAndImportPagesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Pages_render_for_their_users()
    {
        var hr = await factory.SignedInAsync("hr1");
        Assert.Contains("新建校园招聘活动", await hr.GetStringAsync("/Employer/Campus"));
        Assert.Contains("委托项目", await hr.GetStringAsync("/Agency/Projects"));
        var seeker = await factory.SignedInAsync("seeker1");
        Assert.Contains("宣讲会", await seeker.GetStringAsync("/Seeker/CampusTalks"));
        Assert.Equal(HttpStatusCode.Redirect, (await seeker.GetAsync("/Employer/Import")).StatusCode); // not an employer: access denied
        var operatorClient = await factory.SignedInAsync("operator1");
        Assert.Contains("id_number", await operatorClient.GetStringAsync("/Operator/Import?kind=talent"));
    }

    [Fact]
    public async Task The_employer_import_page_previews_rows_with_line_errors_and_imports_the_valid_ones()
    {
        var hr = await factory.SignedInAsync("hr1");
        var page = await hr.GetStringAsync("/Employer/Import");
        var csv = "id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\n"
                  + "JPAGE1,氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接。,draft\n"
                  + "JPAGE2,数控车工,6-18-01-01,3,000000,7000,10000,1,操作数控车床。,draft\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "jobs.csv" },
        };
        var previewResponse = await hr.PostAsync("/Employer/Import?handler=Preview", form);
        var preview = await previewResponse.Content.ReadAsStringAsync();
        Assert.True(previewResponse.StatusCode == HttpStatusCode.OK, preview);
        Assert.Contains("line 3:", preview);
        var token = Regex.Match(preview, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var confirm = await hr.PostAsync("/Employer/Import?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["fileName"] = "jobs.csv", ["__RequestVerificationToken"] = Token(preview),
        }));
        var result = await confirm.Content.ReadAsStringAsync();
        Assert.True(confirm.StatusCode == HttpStatusCode.OK, result);
        Assert.Contains("import-result", result);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/api/v1/jobs/JPAGE1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/jobs/JPAGE2")).StatusCode);

        // Another user cannot confirm this upload (it is gone now, and was never theirs).
        var other = await factory.SignedInAsync("hr2");
        var otherPage = await other.GetStringAsync("/Employer/Import");
        var replay = await other.PostAsync("/Employer/Import?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["fileName"] = "jobs.csv", ["__RequestVerificationToken"] = Token(otherPage),
        }));
        Assert.Contains("import-problem", await replay.Content.ReadAsStringAsync());
    }
}
