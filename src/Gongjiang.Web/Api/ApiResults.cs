using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

internal static class ApiResults
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到 / Not found", detail: what);

    public static ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "冲突 / Conflict", detail: reason);
}
