using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// A request the server could not read (malformed JSON, a wrong type in a field) is the caller's mistake:
/// 400 with a ProblemDetails that says where, never a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        var detail = bad.InnerException is System.Text.Json.JsonException json
            ? $"JSON {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine}): {json.Message.Split(". Path:", 2)[0]}"
            : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "请求格式有误 / Malformed request", Detail = detail },
        });
    }
}
