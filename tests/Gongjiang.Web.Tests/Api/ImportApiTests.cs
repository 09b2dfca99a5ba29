using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongjiang.Web.Tests.Api;

public sealed class ImportApiTests(IdleImporterApiFactory factory) : IClassFixture<IdleImporterApiFactory>
{
    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task An_employer_previews_and_imports_its_own_jobs_from_csv()
    {
        var hr = await factory.SignedInAsync("hr1");
        var csv = Encoding.UTF8.GetBytes("""
            id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status
            JIMP1,氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接。,draft
            JIMP2,数控车工,6-18-01-01,9,370211,7000,10000,1,操作数控车床。,draft
            """);
        var preview = await Json(await hr.PostAsync("/api/v1/import/jobs/preview", Upload(csv, "jobs.csv")), HttpStatusCode.OK);
        Assert.Equal((1, 1), (preview.GetProperty("valid").GetInt32(), preview.GetProperty("invalid").GetInt32()));
        Assert.StartsWith("line 3: ", preview.GetProperty("preview")[1].GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/jobs/JIMP1")).StatusCode); // nothing saved by a preview

        var imported = await Json(await hr.PostAsync("/api/v1/import/jobs", Upload(csv, "jobs.csv")), HttpStatusCode.OK);
        Assert.Equal(1, imported.GetProperty("inserted").GetInt32());
        var job = await Json(await hr.GetAsync("/api/v1/jobs/JIMP1"), HttpStatusCode.OK);
        Assert.Equal("E1", job.GetProperty("employer_id").GetString());

        // Another employer cannot take the job over by importing its id.
        var other = await factory.SignedInAsync("hr2");
        var takeover = await Json(await other.PostAsync("/api/v1/import/jobs", Upload(csv, "jobs.csv")), HttpStatusCode.OK);
        Assert.Equal(0, takeover.GetProperty("inserted").GetInt32() + takeover.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task Uploads_over_10_MB_wrong_types_and_resumes_from_employers_are_refused()
    {
        var hr = await factory.SignedInAsync("hr1");
        var big = new byte[TabularImportLimit + 1];
        var tooLarge = await hr.PostAsync("/api/v1/import/jobs/preview", Upload(big, "jobs.csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("10 MB", await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsync("/api/v1/import/jobs/preview", Upload("a,b"u8.ToArray(), "jobs.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync("/api/v1/import/talent/preview", Upload("id,name"u8.ToArray(), "talent.csv"))).StatusCode);

        var operatorClient = await factory.SignedInAsync("operator1");
        var preview = await Json(await operatorClient.PostAsync("/api/v1/import/talent/preview",
            Upload(Encoding.UTF8.GetBytes("id,name,phone,city\n,张伟,13812345678,370211\n"), "talent.csv")), HttpStatusCode.OK);
        Assert.Equal("T1", preview.GetProperty("preview")[0].GetProperty("id").GetString()); // the same phone as the existing T1
    }

    /// <summary>A client of <paramref name="app"/> signed in through the login form.</summary>
    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = Token(await client.GetStringAsync("/Account/Login")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static byte[] ManyJobs(int rows, string prefix)
    {
        var csv = new StringBuilder("id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\n");
        for (var i = 0; i < rows; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i:00000},氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接。,draft\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task A_large_upload_is_imported_in_the_background_and_only_its_uploader_or_an_operator_follows_or_cancels_it()
    {
        // The worker looks for queued imports once at start and then only every hour: the task stays queued for the test.
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Import:PollInterval", "01:00:00"));
        var hr = await SignInAsync(app, "hr1");
        var response = await hr.PostAsync("/api/v1/import/jobs", Upload(ManyJobs(2_001, "JBG"), "jobs.csv"));
        var task = await Json(response, HttpStatusCode.Accepted);
        var id = task.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/import/tasks/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("queued", 2_001, 0), (task.GetProperty("state").GetString(), task.GetProperty("rowsTotal").GetInt32(), task.GetProperty("rowsDone").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/jobs/JBG00000")).StatusCode); // not imported within the request

        var progress = await Json(await hr.GetAsync($"/api/v1/import/tasks/{id}"), HttpStatusCode.OK);
        Assert.False(progress.GetProperty("finished").GetBoolean());
        foreach (var stranger in new[] { "hr2" })
        {
            var other = await SignInAsync(app, stranger);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/import/tasks/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/import/tasks/{id}/cancel", null)).StatusCode);
        }
        var seeker = await SignInAsync(app, "seeker1");
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync($"/api/v1/import/tasks/{id}")).StatusCode);
        var operatorClient = await SignInAsync(app, "operator1");
        Assert.Equal(2_001, (await Json(await operatorClient.GetAsync($"/api/v1/import/tasks/{id}"), HttpStatusCode.OK)).GetProperty("rowsTotal").GetInt32());

        var cancelled = await Json(await hr.PostAsync($"/api/v1/import/tasks/{id}/cancel", null), HttpStatusCode.OK);
        Assert.Equal(("cancelled", true), (cancelled.GetProperty("state").GetString(), cancelled.GetProperty("finished").GetBoolean()));
        var again = await hr.PostAsync($"/api/v1/import/tasks/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("import.task_finished", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/import/tasks/no-such-task")).StatusCode);

        // The progress page shows the bar and, for an ended import, no cancel button; another employer's user gets 404.
        var page = await hr.GetAsync($"/Employer/ImportProgress/{id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"task-bar\"", html);
        Assert.DoesNotContain("id=\"cancel-import\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(app, "hr2")).GetAsync($"/Employer/ImportProgress/{id}")).StatusCode);
    }

    [Fact]
    public async Task Confirming_a_large_upload_on_the_page_opens_its_progress_page_with_a_cancel_button()
    {
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Import:PollInterval", "01:00:00"));
        var hr = await SignInAsync(app, "hr1");
        var form = new MultipartFormDataContent { { new StringContent(Token(await hr.GetStringAsync("/Employer/Import"))), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(ManyJobs(2_500, "JBP"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "jobs.csv");
        var preview = await (await hr.PostAsync("/Employer/Import?handler=Preview", form)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"preview-truncated\"", preview); // 2,500 rows: the preview shows the first 100
        var uploadToken = Regex.Match(preview, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;
        var confirm = await hr.PostAsync("/Employer/Import?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = uploadToken, ["fileName"] = "jobs.csv", ["__RequestVerificationToken"] = Token(preview),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var location = confirm.Headers.Location!.OriginalString;
        Assert.StartsWith("/Employer/ImportProgress/", location);
        var progress = await hr.GetStringAsync(location);
        Assert.Contains("id=\"cancel-import\"", progress);
        var cancel = await hr.PostAsync(location + "?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(progress),
        }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Contains("已取消", await hr.GetStringAsync(location));
    }

    [Fact]
    public async Task Uploads_are_rate_limited_per_user_on_the_api_and_the_import_pages_alike()
    {
        await using var strict = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:UploadsPerMinute", "2"));
        var hr = await SignInAsync(strict, "hr1");
        var csv = "id,title\nJX1,焊工\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/v1/import/jobs/preview", Upload(csv, "jobs.csv"))).StatusCode);
        var page = await hr.GetStringAsync("/Employer/Import"); // reading a page is not an upload
        var pageForm = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        pageForm.Add(new ByteArrayContent(csv), "file", "jobs.csv");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/Employer/Import?handler=Preview", pageForm)).StatusCode);

        var refused = await hr.PostAsync("/api/v1/import/jobs/preview", Upload(csv, "jobs.csv"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var refusedPage = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        refusedPage.Add(new ByteArrayContent(csv), "file", "jobs.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await hr.PostAsync("/Employer/Import?handler=Preview", refusedPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/Employer/Import")).StatusCode);

        // Each user has a budget of their own.
        var other = await SignInAsync(strict, "hr2");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/api/v1/import/jobs/preview", Upload(csv, "jobs.csv"))).StatusCode);
    }

    private const int TabularImportLimit = 10 * 1024 * 1024;
}
