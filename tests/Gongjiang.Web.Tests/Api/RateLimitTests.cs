using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Budgets belong to clients, not addresses: a fair's crowd behind one address searches normally while one client that
/// floods is throttled, on pages as on the API; an address has only a generous ceiling, which holds cookie droppers.
/// </summary>
public sealed class RateLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Crowd = 2_000;

    [Fact]
    public async Task Two_thousand_clients_behind_one_address_each_search_while_one_flooding_client_is_throttled()
    {
        await using var strict = factory.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:SearchPerMinute", "5").UseSetting("RateLimits:PerAddressPerMinute", "3000"));
        var raw = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var refused = new List<string>();
        for (var i = 0; i < Crowd; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs?q=焊工");
            request.Headers.Add("Cookie", $"gj_client={ClientId()}");
            var response = await raw.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) refused.Add($"client {i}: {(int)response.StatusCode}");
        }
        Assert.True(refused.Count == 0, $"{refused.Count} of {Crowd} clients were refused: " + string.Join(", ", refused.Take(5)));

        var flooder = ClientId();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs?q=电工");
            request.Headers.Add("Cookie", $"gj_client={flooder}");
            statuses.Add((await raw.SendAsync(request)).StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);

        // The search pages share the budget, and a browser gets the status page.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Jobs?q=电工");
        page.Headers.Add("Cookie", $"gj_client={flooder}");
        var throttledPage = await raw.SendAsync(page);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttledPage.StatusCode);
        Assert.Contains("id=\"status-page\"", await throttledPage.Content.ReadAsStringAsync());

        using var newcomer = new HttpRequestMessage(HttpMethod.Get, "/Jobs?q=电工");
        newcomer.Headers.Add("Cookie", $"gj_client={ClientId()}");
        Assert.Equal(HttpStatusCode.OK, (await raw.SendAsync(newcomer)).StatusCode);
    }

    [Fact]
    public async Task A_client_that_drops_its_cookie_meets_the_address_ceiling()
    {
        await using var strict = factory.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:SearchPerMinute", "5").UseSetting("RateLimits:PerAddressPerMinute", "12"));
        var raw = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++) statuses.Add((await raw.GetAsync("/api/v1/jobs?q=焊工")).StatusCode);
        Assert.Equal(12, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task The_first_answer_gives_an_anonymous_browser_its_client_cookie()
    {
        var raw = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await raw.GetAsync("/");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gj_client=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string ClientId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
