using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// API request bodies are capped: 1 MB unless the endpoint declares its own limit (uploads, with
/// <c>.WithMetadata(new RequestSizeLimitAttribute(bytes))</c>). A larger body is refused with 413 ProblemDetails before
/// any handler runs, whether it announces its length or is streamed in chunks.
/// </summary>
public static class RequestBodyLimits
{
    public const long ApiJsonBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next();
            return;
        }
        // A declared limit is for uploads (forms); any other body on such an endpoint keeps the API limit.
        var declared = request.HasFormContentType ? context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize : null;
        var limit = declared ?? ApiJsonBytes;
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (declared is null && request.ContentLength is null && request.Body.CanRead)
        {
            // A body of unknown length: read it (up to the limit) before anything else does.
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await TooLargeAsync(context, limit);
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
            context.Response.RegisterForDispose(buffer);
        }
        await next();
    });

    private static async Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "请求内容过大 / Request body too large",
                Detail = $"请求内容不能超过 {limit / 1048576.0:0.#} MB / the request body may hold at most {limit / 1048576.0:0.#} MB",
            },
        });
    }
}
