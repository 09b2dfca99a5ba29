using Gongjiang.Application.Common.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// The one place a use case's result becomes an HTTP answer. One status per error kind: Invalid 400 (a validation
/// problem naming each field), Refused 422, NotFound 404, Forbidden 403, Conflict 409, TooMany 429. Messages are
/// in the request's language; each error's stable code travels with it (<c>code</c>, or <c>codes</c> per field).
/// </summary>
public static class ResultHttp
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Refused => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooMany => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "输入有误 / Invalid input",
        ErrorKind.Refused => "未通过校验 / Not accepted",
        ErrorKind.NotFound => "未找到 / Not found",
        ErrorKind.Forbidden => "无权操作 / Forbidden",
        ErrorKind.Conflict => "冲突 / Conflict",
        ErrorKind.TooMany => "次数过多 / Too many requests",
        _ => "错误 / Error",
    };

    /// <summary>200 with the value, or the problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : Problem(result.Errors);

    /// <summary>200 with the value turned into its response record, or the problem.</summary>
    public static Results<Ok<TOut>, ProblemHttpResult> ToHttp<T, TOut>(this Result<T> result, Func<T, TOut> response) =>
        result.Succeeded ? TypedResults.Ok(response(result.Value)) : Problem(result.Errors);

    /// <summary>201 at the location of the new record, or the problem.</summary>
    public static Results<Created<TOut>, ProblemHttpResult> ToCreated<T, TOut>(this Result<T> result, Func<T, string> location, Func<T, TOut> response) =>
        result.Succeeded ? TypedResults.Created(location(result.Value), response(result.Value)) : Problem(result.Errors);

    /// <summary>204, or the problem.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.NoContent() : Problem(result.Errors);

    /// <summary>The problem of a failed result; invalid input lists every field, the other kinds answer the first error.</summary>
    public static ProblemHttpResult Problem(IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        var status = StatusOf(first.Kind);
        if (first.Kind == ErrorKind.Invalid)
        {
            var invalid = errors.Where(e => e.Kind == ErrorKind.Invalid).ToList();
            var byField = invalid.GroupBy(e => e.Field ?? "").ToList();
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(
                byField.ToDictionary(g => g.Key, g => g.Select(ErrorText.For).ToArray()))
            {
                Status = status, Title = TitleOf(first.Kind), Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                Extensions = { ["codes"] = byField.ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()) },
            });
        }
        var message = ErrorText.For(first);
        var extensions = new Dictionary<string, object?> { ["code"] = first.Code };
        if (first.Field is not null)
        {
            extensions["field"] = first.Field;
            extensions["reason"] = message;
        }
        foreach (var (key, value) in first.Details ?? new Dictionary<string, object?>()) extensions[key] = value;
        return TypedResults.Problem(statusCode: status, title: TitleOf(first.Kind),
            detail: first.Field is null ? message : $"{first.Field}: {message}", extensions: extensions);
    }
}
