namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// API writes (POST, PUT, PATCH, DELETE) from a browser must come from the platform's own pages: a request whose
/// browser says it was sent by another site (Sec-Fetch-Site: cross-site or same-site) or whose Origin names another
/// host is refused with 403 before it reaches an endpoint, so that a form or script on another site cannot act with
/// a signed-in user's cookie. Clients that are not browsers send neither header and are not affected; pages are
/// protected by their antiforgery tokens.
/// </summary>
public static class SameOriginWrites
{
    public const string Code = "request.cross_origin";

    public static IApplicationBuilder UseSameOriginApiWrites(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !HttpMethods.IsOptions(request.Method) && IsCrossOrigin(request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = 403, Title = "无权操作 / Forbidden",
                    Detail = "不接受来自其他网站的请求。/ Requests from other sites are not accepted.",
                    Extensions = { ["code"] = Code },
                },
            });
            return;
        }
        await next();
    });

    private static bool IsCrossOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site") return true;
        if (site is "same-origin" or "none") return false; // the browser's word, true behind a proxy that rewrites Host too
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null") return origin == "null";
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
