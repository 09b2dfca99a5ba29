using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// A zone's other systems call the API with a personal access token or an OAuth client's access token, created by an
/// administrator and scoped to one role: exactly what a user of that role may do, no cookie, and nothing once revoked or expired.
/// </summary>
public sealed class ApiClientsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("admin1") is not null) return;
        var admin = new AppUser { UserName = "admin1", DisplayName = "平台管理员" };
        Assert.True((await users.CreateAsync(admin, ApiFactory.Password)).Succeeded);
        await users.AddToRoleAsync(admin, Roles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A client with no cookies that sends the bearer token.</summary>
    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement> CreateAsync(string kind, string userName, string role, int days = 30) =>
        await Json(await (await factory.SignedInAsync("admin1")).PostAsJsonAsync("/api/v1/api-clients",
            new { kind, name = $"{userName} {role}", userName, role, days }), HttpStatusCode.Created);

    [Fact]
    public async Task A_personal_token_scoped_to_hr_does_what_hr_does_and_nothing_else_until_revoked()
    {
        var created = await CreateAsync("personal_token", "hr1", Roles.EmployerHR);
        var token = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("gjp_", token);
        var hr = Bearer(token);
        // An HR call, a write without cookie or antiforgery token; not an operator's or an administrator's call.
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/api/v1/employer/members")).StatusCode);
        var job = await Json(await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "数控车工", occupation_code = "6-18-01-01", min_grade = 4, city = "370211", salary = new { min = 6500, max = 9000 }, headcount = 1,
            expires_at = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), description = "操作数控车床。",
        }), HttpStatusCode.Created);
        Assert.Equal("E1", job.GetProperty("employer_id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/v1/employers/verification/due")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/v1/api-clients")).StatusCode);
        // Pages never take a bearer token: the page asks to sign in.
        var page = await hr.GetAsync("/Employer/Jobs");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location?.OriginalString);

        // The list shows when it was last used, never the secret.
        var admin = await factory.SignedInAsync("admin1");
        var listed = await admin.GetStringAsync("/api/v1/api-clients");
        Assert.DoesNotContain(token.Split('_')[^1], listed);
        var row = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == created.GetProperty("client").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, row.GetProperty("lastUsedAt").ValueKind);

        await Json(await admin.PostAsync($"/api/v1/api-clients/{row.GetProperty("id").GetString()}/revoke", null), HttpStatusCode.OK);
        var refused = await hr.GetAsync("/api/v1/employer/members");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Expired_tampered_and_unknown_tokens_answer_401_alike()
    {
        var created = await CreateAsync("personal_token", "hr1", Roles.EmployerHR, days: 1);
        var token = created.GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/v1/employer/members")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = created.GetProperty("client").GetProperty("id").GetString()!;
            await db.ApiCredentials.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        foreach (var bad in new[] { token, token[..^2] + "xx", "gjp_nothing", "gjat_notatoken", "something-else" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(bad).GetAsync("/api/v1/employer/members")).StatusCode);
        // A token for a role the account does not hold is not created.
        var admin = await factory.SignedInAsync("admin1");
        Assert.Equal("api_client.role_not_held", (await Json(await admin.PostAsJsonAsync("/api/v1/api-clients",
            new { kind = "personal_token", name = "x", userName = "hr1", role = Roles.Operator, days = 30 }), HttpStatusCode.BadRequest))
            .GetProperty("codes").GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task An_oauth_client_gets_a_bearer_token_for_its_credentials_and_a_wrong_secret_says_nothing_more()
    {
        var created = await CreateAsync("client_credentials", "operator1", Roles.Operator);
        var clientId = created.GetProperty("client").GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        FormUrlEncodedContent Form(string grant, string id, string s) =>
            new(new Dictionary<string, string> { ["grant_type"] = grant, ["client_id"] = id, ["client_secret"] = s });

        var issued = await Json(await anonymous.PostAsync("/api/v1/oauth/token", Form("client_credentials", clientId, secret)), HttpStatusCode.OK);
        Assert.Equal("Bearer", issued.GetProperty("token_type").GetString());
        Assert.InRange(issued.GetProperty("expires_in").GetInt32(), 1, 3600);
        var op = Bearer(issued.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/api/v1/employers/verification/due")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/employer/members")).StatusCode);

        // HTTP Basic works too.
        var basic = new HttpRequestMessage(HttpMethod.Post, "/api/v1/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        await Json(await anonymous.SendAsync(basic), HttpStatusCode.OK);

        // A wrong secret and an unknown client answer exactly alike.
        var wrongSecret = await Json(await anonymous.PostAsync("/api/v1/oauth/token", Form("client_credentials", clientId, secret + "x")), HttpStatusCode.Unauthorized);
        var unknownClient = await Json(await anonymous.PostAsync("/api/v1/oauth/token", Form("client_credentials", "KNOSUCHCLIENT", secret)), HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", wrongSecret.GetProperty("error").GetString());
        Assert.Equal((wrongSecret.GetProperty("error").GetString(), wrongSecret.GetProperty("detail").GetString()),
            (unknownClient.GetProperty("error").GetString(), unknownClient.GetProperty("detail").GetString()));
        Assert.Equal("unsupported_grant_type",
            (await Json(await anonymous.PostAsync("/api/v1/oauth/token", Form("password", clientId, secret)), HttpStatusCode.BadRequest)).GetProperty("error").GetString());

        // Revoking the client ends the access tokens it was given.
        await Json(await (await factory.SignedInAsync("admin1")).PostAsync($"/api/v1/api-clients/{clientId}/revoke", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await op.GetAsync("/api/v1/employers/verification/due")).StatusCode);
        await Json(await anonymous.PostAsync("/api/v1/oauth/token", Form("client_credentials", clientId, secret)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_and_client_credentials_schemes()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/v1/openapi.json")).RootElement;
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("/api/v1/oauth/token", schemes.GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("bearer", out _));
    }
}
