using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

/// <summary>The seekers' tools through the API: marks on jobs, blocked companies, work history, attachments, the PDF, benefit tags.</summary>
public sealed class SeekerToolsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string JobBody = """{"title":"数控车工","occupation_code":"6-18-01-01","min_grade":4,"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"expires_at":"2027-06-30","description":"操作数控车床加工轴类零件。","benefits":["双休","五险一金"]}""";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> OpenJobAsync(HttpClient hr, string body = JobBody)
    {
        var job = await JsonAsync(await hr.PostAsync("/api/v1/jobs", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        var id = job.GetProperty("id").GetString()!;
        await JsonAsync(await hr.PostAsync($"/api/v1/jobs/{id}/publish", null), HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task Benefit_tags_are_stored_in_the_list_order_shown_and_filter_the_job_search()
    {
        var hr = await factory.SignedInAsync("hr1");
        var id = await OpenJobAsync(hr);
        var job = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        Assert.Equal(["五险一金", "双休"], job.GetProperty("benefits").EnumerateArray().Select(b => b.GetString()));
        var bad = await JsonAsync(await hr.PostAsync("/api/v1/jobs", new StringContent(JobBody.Replace("\"双休\"", "\"包分配\"", StringComparison.Ordinal), Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        Assert.Equal("jobs.unknown_benefit", bad.GetProperty("codes").GetProperty("benefits")[0].GetString());
        var anonymous = factory.CreateClient();
        var found = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/jobs?benefits=" + Uri.EscapeDataString("双休,包吃住") + "&benefits_match=any");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        var none = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/jobs?benefits=" + Uri.EscapeDataString("双休,包吃住") + "&benefits_match=all");
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        var unknown = await JsonAsync(await anonymous.GetAsync("/api/v1/jobs?benefits=" + Uri.EscapeDataString("包分配")), HttpStatusCode.BadRequest);
        Assert.Equal("jobs.unknown_benefit", unknown.GetProperty("codes").GetProperty("benefits")[0].GetString());
    }

    [Fact]
    public async Task A_seeker_saves_and_unsaves_jobs_and_marks_them_not_interested()
    {
        var hr = await factory.SignedInAsync("hr1");
        var seeker = await factory.SignedInAsync("seeker2");
        var id = await OpenJobAsync(hr);
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.PutAsync($"/api/v1/me/saved-jobs/{id}", null)).StatusCode);
        var saved = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/saved-jobs");
        var entry = Assert.Single(saved.EnumerateArray());
        Assert.Equal((id, "open", "青岛海卓精密机械有限公司"), (entry.GetProperty("job").GetProperty("id").GetString(), entry.GetProperty("state").GetString(), entry.GetProperty("employer_name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.PutAsync($"/api/v1/me/not-interested-jobs/{id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.DeleteAsync($"/api/v1/me/not-interested-jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.DeleteAsync($"/api/v1/me/saved-jobs/{id}")).StatusCode);
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/saved-jobs")).EnumerateArray());
        var missing = await JsonAsync(await seeker.PutAsync("/api/v1/me/saved-jobs/JNOSUCHJOB", null), HttpStatusCode.NotFound);
        Assert.Equal("jobs.not_found", missing.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PutAsync($"/api/v1/me/saved-jobs/{id}", null)).StatusCode);
    }

    [Fact]
    public async Task A_blocked_company_gets_404_for_the_resume_and_the_invitation_and_does_not_find_it_in_search()
    {
        var hr2 = await factory.SignedInAsync("hr2");
        var seeker = await factory.SignedInAsync("seeker1");
        var job = await OpenJobAsync(hr2, JobBody.Replace("数控车工", "氩弧焊工", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await hr2.GetAsync("/api/v1/talent/T1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.PutAsync("/api/v1/me/blocked-companies/E2", null)).StatusCode);
        try
        {
            var blocked = Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/blocked-companies")).EnumerateArray());
            Assert.Equal(("E2", "青岛蓝芯微电子有限公司"), (blocked.GetProperty("employer_id").GetString(), blocked.GetProperty("name").GetString()));
            Assert.Equal("sharing.talent_not_found", (await JsonAsync(await hr2.GetAsync("/api/v1/talent/T1"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await hr2.GetAsync("/api/v1/talent/T1/similar")).StatusCode);
            var invite = await JsonAsync(await hr2.PostAsJsonAsync($"/api/v1/jobs/{job}/invitations", new { talentId = "T1", message = "欢迎投递" }), HttpStatusCode.NotFound);
            Assert.Equal("invitations.talent_not_found", invite.GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await hr2.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "面试", kinds = new[] { "phone" } })).StatusCode);
            var search = await hr2.GetFromJsonAsync<JsonElement>("/api/v1/talent/search?text=" + Uri.EscapeDataString("氩弧焊"));
            Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == "T1");
            var recommended = await hr2.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/recommended-talent?top=50");
            Assert.DoesNotContain(recommended.GetRawText(), "\"T1\"", StringComparison.Ordinal);
            // Another company is not affected.
            var hr1 = await factory.SignedInAsync("hr1");
            Assert.Equal(HttpStatusCode.OK, (await hr1.GetAsync("/api/v1/talent/T1")).StatusCode);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await seeker.DeleteAsync("/api/v1/me/blocked-companies/E2")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await hr2.GetAsync("/api/v1/talent/T1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await seeker.PutAsync("/api/v1/me/blocked-companies/E404", null)).StatusCode);
    }

    [Fact]
    public async Task Work_history_is_saved_through_the_api_with_errors_named_by_row_and_field()
    {
        var seeker = await factory.SignedInAsync("seeker2");
        var bad = await JsonAsync(await seeker.PutAsJsonAsync("/api/v1/talent/me/work-history", new[]
        {
            new { employer = "青岛造船厂", title = "焊工", start = "2020-05", end = (string?)"2019-01", duties = "焊接" },
            new { employer = "青岛造船厂", title = "焊工", start = "2999-01", end = (string?)null, duties = "焊接" },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("seeker.end_before_start", bad.GetProperty("codes").GetProperty("work_history[0].end")[0].GetString());
        Assert.Equal("seeker.in_future", bad.GetProperty("codes").GetProperty("work_history[1].start")[0].GetString());
        var saved = await JsonAsync(await seeker.PutAsJsonAsync("/api/v1/talent/me/work-history", new[]
        {
            new { employer = "青岛造船厂", title = "焊工", start = "2019-01", end = (string?)null, duties = "船体分段焊接" },
        }), HttpStatusCode.OK);
        Assert.Equal("2019-01", saved[0].GetProperty("start").GetString());
        var profile = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        var entry = Assert.Single(profile.GetProperty("work_history").EnumerateArray());
        Assert.Equal("青岛造船厂", entry.GetProperty("employer").GetString());
        Assert.False(entry.TryGetProperty("end", out var end) && end.ValueKind != JsonValueKind.Null, "a current job has no end (至今)");
    }

    private static MultipartFormDataContent File(byte[] bytes, string name, string type = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            writer.Write("<w:document/>");
        return buffer.ToArray();
    }

    [Fact]
    public async Task Attachments_upload_by_content_are_refused_with_problem_details_and_download_only_to_those_who_may()
    {
        var seeker = await factory.SignedInAsync("seeker1");
        var hr2 = await factory.SignedInAsync("hr2");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        async Task<string?> RefusedAsync(MultipartFormDataContent form)
        {
            var problem = await JsonAsync(await seeker.PostAsync("/api/v1/talent/me/attachments", form), HttpStatusCode.UnprocessableEntity);
            Assert.True(problem.GetProperty("detail").GetString()!.Length > 0);
            return problem.GetProperty("code").GetString();
        }
        Assert.Equal("seeker.attachment_type", await RefusedAsync(File(Encoding.UTF8.GetBytes("not a pdf"), "fake.pdf", "application/pdf")));
        Assert.Equal("seeker.attachment_extension", await RefusedAsync(File(Docx(), "resume.pdf", "application/pdf")));
        Assert.Equal("seeker.attachment_too_large", await RefusedAsync(File(new byte[5 * 1024 * 1024 + 10], "big.pdf")));
        Assert.Equal("seeker.attachment_type", await RefusedAsync(File(Encoding.ASCII.GetBytes("PK\u0003\u0004zip"), "resume.docx")));
        Assert.Equal("seeker.attachment_required", await RefusedAsync(new MultipartFormDataContent()));
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me/attachments")).EnumerateArray());

        var created = await JsonAsync(await seeker.PostAsync("/api/v1/talent/me/attachments", File(pdf, "张伟简历.pdf")), HttpStatusCode.Created);
        var download = created.GetProperty("download").GetString()!;
        var own = await seeker.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await own.Content.ReadAsByteArrayAsync());
        // hr2 sees T1 in the shared pool, contact masked: no attachment.
        Assert.Equal(HttpStatusCode.NotFound, (await hr2.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr2.GetAsync("/api/v1/talent/T1/attachments")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(download)).StatusCode);
        var docx = await JsonAsync(await seeker.PostAsync("/api/v1/talent/me/attachments", File(Docx(), "简历.docx")), HttpStatusCode.Created);
        Assert.Equal(2, (await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me/attachments")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.DeleteAsync("/api/v1/talent/me/attachments/" + docx.GetProperty("id").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await seeker.DeleteAsync("/api/v1/talent/me/attachments/" + created.GetProperty("id").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await seeker.GetAsync(download)).StatusCode);
    }

    [Fact]
    public async Task The_seeker_downloads_the_resume_as_a_pdf()
    {
        var seeker = await factory.SignedInAsync("seeker1");
        var response = await seeker.GetAsync("/api/v1/talent/me/resume.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("hr1")).GetAsync("/api/v1/talent/me/resume.pdf")).StatusCode);
    }
}
