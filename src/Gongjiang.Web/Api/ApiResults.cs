using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

internal static class ApiResults
{
    /// <summary>400 with the offending fields named, in the file contract's field names.</summary>
    public static ValidationProblem Invalid<T>(Mapped<T> mapped) where T : class =>
        TypedResults.ValidationProblem(mapped.Errors, title: "输入有误 / Invalid input");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到 / Not found", detail: what);

    public static ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "冲突 / Conflict", detail: reason);
}
