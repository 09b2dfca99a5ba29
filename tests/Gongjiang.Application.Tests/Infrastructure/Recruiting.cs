using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>Running the recruiting use cases as a seeker or HR user, and reading their errors as users read them.</summary>
public static class Recruiting
{
    /// <summary>Runs a use case in the scope as the given seeker (their user id and talent profile).</summary>
    public static Task<Result<T>> RunAsSeekerAsync<T>(this IServiceProvider services, string userId, string talentId, IUseCase<T> request) =>
        services.RunAsAsync(Acting.Seeker(userId, talentId), request);

    /// <summary>Runs a use case in the scope as the given HR user of an employer.</summary>
    public static Task<Result<T>> RunAsHrAsync<T>(this IServiceProvider services, string userId, string employerId, IUseCase<T> request) =>
        services.RunAsAsync(Acting.Hr(employerId, userId), request);

    /// <summary>The messages of a failed result in Chinese, as the pages show them.</summary>
    public static string Text<T>(this Result<T> result) => string.Join("；", result.Errors.Select(Text));

    public static string Text(this Error error) => error.InChinese();
}
