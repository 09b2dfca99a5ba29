using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// Per-client request budgets for what attackers hammer: sign-in attempts (on top of Identity's account lockout)
/// search, and outreach to people (invitations to apply, contact requests: per signed-in user, on top of the employer's
/// daily limits). Limits come from configuration (RateLimits:SignInPerMinute, RateLimits:SearchPerMinute,
/// RateLimits:OutreachPerMinute).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Outreach = "outreach";

    public static IServiceCollection AddGongjiangRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = "请求过于频繁 / Too many requests", Detail = "请稍后再试。" },
                });
            };
            o.AddPolicy(SignIn, http => Window(http, "RateLimits:SignInPerMinute", 20, onlyPosts: true));
            o.AddPolicy(Search, http => Window(http, "RateLimits:SearchPerMinute", 240, onlyPosts: false));
            o.AddPolicy(Outreach, http => Window(http, "RateLimits:OutreachPerMinute", 30, onlyPosts: true, perUser: true));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext http, string setting, int fallback, bool onlyPosts, bool perUser = false)
    {
        if (onlyPosts && !HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
        var limit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(setting, fallback);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        var client = perUser && http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } user ? "user:" + user : address;
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
    }
}
