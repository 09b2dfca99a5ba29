namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// A path under /api that no route serves answers 404 as ProblemDetails (application/problem+json, with a title and the
/// path as instance), whatever the caller accepts — the same shape as every other API error. Pages are left alone, and so
/// is a 404 an endpoint gave itself (a foreign or missing record) and a 405 for a known path with another method.
/// </summary>
public static class ApiNotFound
{
    public const string Title = "接口不存在 / No such API path";

    public static IApplicationBuilder UseApiNotFoundProblemDetails(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted) return;
        if (!context.Request.Path.StartsWithSegments("/api") || context.GetEndpoint() is not null) return;
        var path = context.Request.PathBase.Add(context.Request.Path).Value;
        await Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: Title,
                detail: $"{context.Request.Method} {path}",
                instance: path)
            .ExecuteAsync(context);
    });
}
