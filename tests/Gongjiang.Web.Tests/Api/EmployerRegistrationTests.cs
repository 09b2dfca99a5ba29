using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Companies and agencies open their own accounts with the business licence and a verified phone; the account is pending
/// until an operator, who sees the licence beside the registered name and code, approves it.
/// </summary>
public sealed class EmployerRegistrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>The 8-byte PNG signature and a little more: a licence image by its content.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static MultipartFormDataContent Form(string userName, string phone, string? code, string uscc = "91370211MA3C9M6T8L",
        string company = "青岛瑞航精工装备有限公司", string? licensedName = null, byte[]? licence = null, string licenceName = "licence.png",
        bool agency = false)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string? value) { if (value is not null) form.Add(new StringContent(value), name); }
        Add("companyName", company); Add("uscc", uscc); Add("licensedName", licensedName ?? company); Add("city", "370211");
        Add("industryCluster", "智能制造"); Add("isAgency", agency ? "true" : "false");
        Add("userName", userName); Add("password", ApiFactory.Password); Add("personName", "孙立"); Add("phone", phone); Add("code", code);
        var file = new ByteArrayContent(licence ?? Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "businessLicence", licenceName);
        return form;
    }

    private async Task<string?> CodeAsync(HttpClient client, string phone)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/account/phone-codes", new { phone, purpose = "register" })).StatusCode);
        return factory.Sms.LatestCode(phone);
    }

    private async Task<int> EmployersAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Employers.CountAsync();
    }

    [Fact]
    public async Task A_company_registers_waits_for_the_operator_who_sees_the_licence_and_then_publishes()
    {
        var client = factory.CreateClient();
        var code = await CodeAsync(client, "13600000801");
        var created = await Json(await client.PostAsync("/api/v1/account/register-employer", Form("ruihang_hr", "13600000801", code)), HttpStatusCode.Created);
        var employerId = created.GetProperty("employerId").GetString()!;
        Assert.Equal("pending", created.GetProperty("verification").GetString());

        // The administrator signs in by password (or by a code to the verified phone) and cannot publish yet.
        var hr = await factory.SignedInAsync("ruihang_hr");
        var job = await Json(await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "数控车工", occupation_code = "6-18-01-01", min_grade = 4, city = "370211", salary = new { min = 6500, max = 9000 }, headcount = 3,
            expires_at = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), description = "操作数控车床加工轴类零件。",
        }), HttpStatusCode.Created);
        var jobId = job.GetProperty("id").GetString();
        await Json(await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null), HttpStatusCode.UnprocessableEntity);

        // The operator sees the uploaded licence image beside the registered name and code, and approves.
        var op = await factory.SignedInAsync("operator1");
        var review = await op.GetStringAsync("/Operator/Employers");
        Assert.Contains("青岛瑞航精工装备有限公司", review);
        Assert.Contains($"handler=BusinessLicence&amp;id={employerId}", review);
        var image = await op.GetAsync($"/Operator/Employers?handler=BusinessLicence&id={employerId}");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await hr.GetAsync($"/Operator/Employers?handler=BusinessLicence&id={employerId}")).StatusCode); // operators only
        var noReason = await Json(await op.PostAsJsonAsync($"/api/v1/employers/{employerId}/verification", new { approve = false }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("note", out _));
        await Json(await op.PostAsJsonAsync($"/api/v1/employers/{employerId}/verification", new { approve = true }), HttpStatusCode.OK);
        await Json(await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_employer_without_the_licence_name_is_not_approved()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Import.ImportService>();
            await import.ImportEmployersAsync(new StringReader("id,name,uscc,city,industry_cluster,enterprise_type\nE9,青岛无照机械有限公司,91370211MA3C7K2P3D,370211,智能制造,sme\n"), "e.csv");
        }
        var op = await factory.SignedInAsync("operator1");
        var refused = await Json(await op.PostAsJsonAsync("/api/v1/employers/E9/verification", new { approve = true }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("employer.licensed_name_missing", refused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Bad_registrations_are_refused_with_the_field_named_and_store_nothing()
    {
        var client = factory.CreateClient();
        var before = await EmployersAsync();
        var code = await CodeAsync(client, "13600000802");

        var badUscc = await Json(await client.PostAsync("/api/v1/account/register-employer", Form("bad_uscc", "13600000802", code, uscc: "91370211MA3C9M6T8A")), HttpStatusCode.BadRequest);
        Assert.Equal("employer.uscc_invalid", badUscc.GetProperty("codes").GetProperty("uscc")[0].GetString());
        var differs = await Json(await client.PostAsync("/api/v1/account/register-employer", Form("differs", "13600000802", code, licensedName: "青岛别家公司")), HttpStatusCode.BadRequest);
        Assert.True(differs.GetProperty("errors").TryGetProperty("licensedName", out _));
        var notImage = await Json(await client.PostAsync("/api/v1/account/register-employer",
            Form("not_image", "13600000802", code, licence: Encoding.UTF8.GetBytes("just text, named like a picture"))), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("employer.licence_file_type", notImage.GetProperty("code").GetString());
        var tooLarge = await client.PostAsync("/api/v1/account/register-employer",
            Form("too_large", "13600000802", code, licence: [.. Png, .. new byte[6 * 1024 * 1024]]));
        Assert.Contains(tooLarge.StatusCode, new[] { HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge });
        var wrongCode = await Json(await client.PostAsync("/api/v1/account/register-employer", Form("wrong_code", "13600000802", code == "000000" ? "111111" : "000000")),
            HttpStatusCode.BadRequest);
        Assert.Equal("code.wrong", wrongCode.GetProperty("codes").GetProperty("code")[0].GetString());
        var taken = await Json(await client.PostAsync("/api/v1/account/register-employer", Form("taken", "13600000802", code, uscc: "91370211MA3C7K2P3D", company: "青岛海卓精密机械有限公司")),
            HttpStatusCode.Conflict);
        Assert.Equal("employer.uscc_taken", taken.GetProperty("code").GetString());
        Assert.Equal(before, await EmployersAsync());
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .AnyAsync(u => new[] { "bad_uscc", "differs", "not_image", "too_large", "wrong_code", "taken" }.Contains(u.UserName!)));
    }
}
