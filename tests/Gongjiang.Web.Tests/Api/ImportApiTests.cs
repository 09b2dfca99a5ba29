using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

public sealed class ImportApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
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

    private const int TabularImportLimit = 10 * 1024 * 1024;
}
