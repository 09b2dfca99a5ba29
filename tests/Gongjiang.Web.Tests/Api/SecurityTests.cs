using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

public sealed class SecurityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "hr1", ["Password"] = ApiFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_sign_in_attempts_are_throttled_with_429()
    {
        await using var strict = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var form = await client.GetStringAsync("/Account/Login");
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "hr1", ["Password"] = "wrong-password", ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Invitations_are_throttled_per_user_with_429()
    {
        await using var strict = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:OutreachPerMinute", "2"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "hr1", ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/jobs/NO-SUCH-JOB/invitations", new { talentId = "T1", message = "欢迎投递" });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "null")]
    public async Task A_cookie_signed_api_write_from_another_site_is_refused_and_changes_nothing(string header, string value)
    {
        var hr = await factory.SignedInAsync("hr1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
        {
            Content = JsonContent.Create(new { title = "跨站岗位", city = "370211", salary = new { min = 6000, max = 8000 } }),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        var response = await hr.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("request.cross_origin", problem.GetProperty("code").GetString());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Persistence.AppDbContext>();
        Assert.False(db.Jobs.Any(j => j.Title == "跨站岗位"));
    }

    [Fact]
    public async Task The_platforms_own_pages_and_clients_without_browser_headers_may_write()
    {
        var hr = await factory.SignedInAsync("hr1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
        {
            Content = JsonContent.Create(new { title = "同站岗位", city = "370211", salary = new { min = 6000, max = 8000 } }),
        };
        request.Headers.TryAddWithoutValidation("Origin", hr.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await hr.SendAsync(request)).StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.True(scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Persistence.AppDbContext>().Jobs.Any(j => j.Title == "同站岗位"));
    }
}
