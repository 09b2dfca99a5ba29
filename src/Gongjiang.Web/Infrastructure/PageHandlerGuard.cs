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
        if (context.HandlerMethod is null)
        {
            var request = context.HttpContext.Request;
            var named = context.RouteData.Values.ContainsKey("handler") || request.Query.ContainsKey("handler")
                || (request.HasFormContentType && request.Form.ContainsKey("handler"));
            var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            if (named || !reading)
            {
                context.Result = new StatusCodeResult(named ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
                return;
            }
        }
        await next();
    }
}
