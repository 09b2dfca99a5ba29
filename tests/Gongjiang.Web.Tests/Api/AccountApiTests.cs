using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

public sealed class AccountApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object Registration(string userName, string phone, int birthYear, bool consent = true) => new
    {
        userName, password = ApiFactory.Password, name = "周晓峰", phone, code = "123456", birthYear, consent,
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Sign_up_under_16_or_without_consent_is_refused_with_the_field_named()
    {
        var client = factory.CreateClient();
        var young = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("young_one", "13600000011", DateTime.UtcNow.Year - 15)),
            HttpStatusCode.BadRequest);
        Assert.Contains("16", young.GetProperty("errors").GetProperty("birthYear")[0].GetString());
        var noConsent = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("no_consent", "13600000012", 1990, consent: false)),
            HttpStatusCode.BadRequest);
        Assert.True(noConsent.GetProperty("errors").TryGetProperty("consent", out _));
        Assert.Equal("account.consent", noConsent.GetProperty("codes").GetProperty("consent")[0].GetString());
        await Json(await client.PostAsync("/api/v1/account/register", new StringContent("{\"birthYear\":\"x\"", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "young_one" || u.UserName == "no_consent"));
        // A phone already on record (seeker T1) never received a code: its sign-up fails like any wrong code (PhoneCodeTests).
        var dupPhone = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("dup_phone", "138-1234-5678", 1990)), HttpStatusCode.BadRequest);
        Assert.Equal("code.wrong", dupPhone.GetProperty("codes").GetProperty("code")[0].GetString());
        // A user name already taken is a conflict, whatever its case of letters.
        var dupName = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("Seeker1", "13600000014", 1990)), HttpStatusCode.Conflict);
        Assert.Equal("account.user_name_taken", dupName.GetProperty("code").GetString());
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "dup_phone" || u.UserName == "Seeker1"));
    }

    [Fact]
    public async Task A_new_seeker_exports_only_their_own_data_and_erases_the_account()
    {
        var anonymous = factory.CreateClient();
        var created = await Json(await factory.RegisterAsync(anonymous, "zhou_xf", "13600000013", birthYear: 1998), HttpStatusCode.Created);
        var talentId = created.GetProperty("talentId").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/export")).StatusCode);

        var client = await factory.SignedInAsync("zhou_xf");
        var response = await client.GetAsync("/api/v1/me/export");
        var export = await Json(response, HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("周晓峰", export.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("13600000013", export.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal(talentId, export.GetProperty("profile").GetProperty("id").GetString());
        Assert.Equal(1998, export.GetProperty("profile").GetProperty("birth_year").GetInt32());
        Assert.Single(export.GetProperty("consents").EnumerateArray());
        var text = export.GetRawText();
        foreach (var foreign in new[] { "张伟", "13812345678", "李娜", "seeker1" }) Assert.DoesNotContain(foreign, text);

        // An employer has no export of its own here.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("hr1")).GetAsync("/api/v1/me/export")).StatusCode);

        var wrong = await Json(await client.PostAsJsonAsync("/api/v1/me/erase", new { password = "not-the-password" }), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("password", out _));
        await Json(await client.PostAsJsonAsync("/api/v1/me/erase", new { password = ApiFactory.Password }), HttpStatusCode.NoContent);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "zhou_xf"));
        Assert.False(await db.Talent.AnyAsync(t => t.Id == talentId));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<TalentService>().FindTalentIdByIdentityAsync("13600000013", null));
        Assert.True(await db.ErasureRecords.AnyAsync(e => e.Reason == "request"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignedInAsync("zhou_xf"));
    }
}
