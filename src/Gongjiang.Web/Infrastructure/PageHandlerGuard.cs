using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// A request no handler of the page answers — a POST to a page without one, or an unknown <c>handler</c> — is refused
/// (405 or 404, shown as the status page) instead of rendering the page without its data.
/// </summary>
public sealed class PageHandlerGuard : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The status page shows any request's failure, whatever its method.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var request = context.HttpContext.Request;
        var requested = context.RouteData.Values.TryGetValue("handler", out var routed) && routed is string r ? r
            : request.Query.TryGetValue("handler", out var queried) ? queried.ToString()
            : request.HasFormContentType && request.Form.TryGetValue("handler", out var posted) ? posted.ToString() : "";
        // Razor Pages falls back to the unnamed handler when a named one is missing: a name nobody answers is not found.
        if (requested.Length > 0 && !string.Equals(context.HandlerMethod?.Name, requested, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
            return;
        }
        if (context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await next();
    }
}
