using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

public sealed class EmployerVerificationApiTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    /// <summary>A verified HR-service business (A7) without a licence yet, with one consultant.</summary>
    public async Task InitializeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("agency7") is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.Add(new Employer
        {
            Id = "A7", Name = "青岛匠才人力资源服务有限公司", Uscc = "91370211MA3C8L4R5F", CityCode = "370211", IndustryCluster = "智能制造", IsAgency = true,
            AccountClass = AccountClass.HrService, Verification = VerificationStatus.Verified, VerifiedAt = now,
            VerificationExpiresAt = EmployerVerification.ExpiresAfterApproval(now), CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = "agency7", DisplayName = "agency7", EmployerId = "A7" };
        Assert.True((await users.CreateAsync(user, ApiFactory.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Agency);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static MultipartFormDataContent Licence(byte[] file, string fileName, string validUntil)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("（鲁）人服证字〔2025〕第0211号"), "number" },
            { new StringContent("青岛市人力资源和社会保障局"), "authority" },
            { new StringContent(validUntil), "valid_until" },
            { new ByteArrayContent(file), "file", fileName },
        };
        return form;
    }

    [Fact]
    public async Task A_verification_request_must_carry_the_registered_name_and_only_the_owner_may_send_it()
    {
        var hr1 = await factory.SignedInAsync("hr1");
        var mismatch = await Json(await hr1.PostAsJsonAsync("/api/v1/employers/E1/verification/request", new { licensedName = "青岛海卓机械有限公司" }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("licensed_name", mismatch.GetProperty("field").GetString());
        Assert.Contains("不一致", mismatch.GetProperty("reason").GetString());
        // Still valid for months: nothing to renew yet.
        await Json(await hr1.PostAsJsonAsync("/api/v1/employers/E1/verification/request", new { licensedName = " 青岛海卓精密机械有限公司 " }), HttpStatusCode.Conflict);
        var hr2 = await factory.SignedInAsync("hr2");
        await Json(await hr2.PostAsJsonAsync("/api/v1/employers/E1/verification/request", new { licensedName = "青岛海卓精密机械有限公司" }), HttpStatusCode.NotFound);
        var view = await Json(await hr1.GetAsync("/api/v1/employers/E1"), HttpStatusCode.OK);
        Assert.Equal("self_recruiting", view.GetProperty("accountClass").GetString());
        Assert.True(view.GetProperty("verificationExpiresAt").GetDateTime() > DateTime.UtcNow.AddMonths(5));
        var operatorClient = await factory.SignedInAsync("operator1");
        await Json(await operatorClient.GetAsync("/api/v1/employers/verification/due"), HttpStatusCode.OK);
        await Json(await hr1.GetAsync("/api/v1/employers/verification/due"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_hr_service_business_needs_an_approved_licence_checked_by_content_before_it_creates_projects()
    {
        var agency = await factory.SignedInAsync("agency7");
        var project = new
        {
            clientEmployerId = "E1", title = "焊接技师专项招聘", targetHeadcount = 2, occupationCode = "6-18-02-04", minGrade = 3, city = "370211",
            payMin = 8000, payMax = 12000, feeTerms = "到岗后按年薪20%收费", notes = "持焊工证",
        };
        var refused = await Json(await agency.PostAsJsonAsync("/api/v1/projects", project), HttpStatusCode.Forbidden);
        Assert.Contains("人力资源服务许可证", refused.GetProperty("detail").GetString());

        var validUntil = DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await Json(await agency.PostAsync("/api/v1/employers/A7/licence", Licence("<html>licence</html>"u8.ToArray(), "licence.pdf", validUntil)),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("file", html.GetProperty("field").GetString());
        await Json(await agency.PostAsync("/api/v1/employers/A7/licence", Licence(new byte[LicenceFiles.MaxBytes + 10], "big.pdf", validUntil)),
            HttpStatusCode.RequestEntityTooLarge);
        var hr1 = await factory.SignedInAsync("hr1");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[256]];
        await Json(await hr1.PostAsync("/api/v1/employers/A7/licence", Licence(png, "licence.txt", validUntil)), HttpStatusCode.NotFound);
        var submitted = await Json(await agency.PostAsync("/api/v1/employers/A7/licence", Licence(png, "licence.txt", validUntil)), HttpStatusCode.OK);
        Assert.Equal("pending", submitted.GetProperty("licence").GetString());

        var operatorClient = await factory.SignedInAsync("operator1");
        var file = await operatorClient.GetAsync("/Operator/Employers?handler=Licence&id=A7");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await file.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await hr1.GetAsync("/Operator/Employers?handler=Licence&id=A7")).StatusCode);
        await Json(await agency.PostAsJsonAsync("/api/v1/employers/A7/licence/decision", new { approve = true }), HttpStatusCode.Forbidden);
        await Json(await operatorClient.PostAsJsonAsync("/api/v1/employers/A7/licence/decision", new { approve = false, note = " " }), HttpStatusCode.UnprocessableEntity);
        var approved = await Json(await operatorClient.PostAsJsonAsync("/api/v1/employers/A7/licence/decision", new { approve = true }), HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("licence").GetString());
        Assert.Equal(Gongjiang.Core.Compliance.UnifiedSocialCreditCode.IsValid("91370211MA3C8L4R5F"), approved.GetProperty("usccValid").GetBoolean());

        await Json(await agency.PostAsJsonAsync("/api/v1/projects", project), HttpStatusCode.Created);
    }
}
