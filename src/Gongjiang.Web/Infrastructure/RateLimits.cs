using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// Request budgets, the same for pages and the API. Each budget belongs to a client: the signed-in user, or else the
/// anonymous browser's client cookie (<see cref="ClientCookie"/>), so that a fair's venue Wi-Fi or a school network,
/// which puts thousands of people behind one address, does not share one budget. Each address has only a generous
/// ceiling over everything (RateLimits:PerAddressPerMinute) and over sign-in attempts (RateLimits:SignInPerAddressPerMinute),
/// which also holds clients that drop their cookie. Budgets:
/// sign-in attempts (on top of Identity's lockout), searches, outreach to people (invitations, contact requests;
/// on top of the employer's daily limits) and uploads of files to import (RateLimits:UploadsPerMinute). Behind a reverse proxy the client address comes from X-Forwarded-For when
/// the proxy is listed in ReverseProxy:KnownProxies (loopback is always trusted).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Outreach = "outreach";
    public const string Uploads = "uploads";

    /// <summary>The anonymous client cookie: a random id, set on the first request, that keys the budgets of a browser nobody signed in on.</summary>
    public const string ClientCookie = "gj_client";

    private const string ClientKeyItem = "gongjiang.rate-limit-client";

    public static IServiceCollection AddGongjiangRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!ctx.HttpContext.Request.Path.StartsWithSegments("/api")) return; // pages: the status page says it
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = "请求过于频繁 / Too many requests", Detail = "请稍后再试。" },
                });
            };
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    Window("address:" + AddressOf(http), Setting(http, "RateLimits:PerAddressPerMinute", 20_000))),
                // Sign-in attempts also have a ceiling per address, so that dropping the client cookie does not reset a guesser's budget.
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsWrite(http)
                    && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignIn
                        ? Window("sign-in-address:" + AddressOf(http), Setting(http, "RateLimits:SignInPerAddressPerMinute", 300))
                        : RateLimitPartition.GetNoLimiter("other")));
            o.AddPolicy(SignIn, http => IsWrite(http) ? Window(ClientOf(http), Setting(http, "RateLimits:SignInPerMinute", 20)) : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(Search, http => Window(ClientOf(http), Setting(http, "RateLimits:SearchPerMinute", 240)));
            o.AddPolicy(Uploads, http => IsWrite(http) ? Window(ClientOf(http), Setting(http, "RateLimits:UploadsPerMinute", 6)) : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(Outreach, http => IsWrite(http) ? Window(ClientOf(http), Setting(http, "RateLimits:OutreachPerMinute", 30)) : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }

    /// <summary>Forwarded headers first, then the client cookie for every request that reaches the app.</summary>
    public static IApplicationBuilder UseGongjiangClientIdentity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        return app.Use(async (http, next) =>
        {
            if (!http.Request.Cookies.TryGetValue(ClientCookie, out var id) || id.Length is < 16 or > 64)
            {
                id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                http.Response.Cookies.Append(ClientCookie, id, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
                });
            }
            http.Items[ClientKeyItem] = "client:" + id;
            await next();
        });
    }

    /// <summary>The budget's owner: the signed-in user, else the browser's client cookie, else the address.</summary>
    private static string ClientOf(HttpContext http) =>
        http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } user ? "user:" + user
        : http.Items[ClientKeyItem] as string ?? "address:" + AddressOf(http);

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static bool IsWrite(HttpContext http) => !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);

    private static int Setting(HttpContext http, string key, int fallback) =>
        http.RequestServices.GetRequiredService<IConfiguration>().GetValue(key, fallback);

    private static RateLimitPartition<string> Window(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
