using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>Runs use cases in a test's scope as a given user: an agency consultant, an HR user, a seeker or an operator.</summary>
public static class Acting
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static Actor Agency(string employerId, string? userId = null) => new(userId ?? "agency-" + employerId, [Roles.Agency], employerId, null);

    public static Actor Hr(string employerId, string? userId = null) => new(userId ?? "hr-" + employerId, [Roles.EmployerHR], employerId, null);

    public static Actor Seeker(string talentId) => new("seeker-" + talentId, [Roles.Seeker], null, talentId);

    public static Actor Seeker(string userId, string talentId) => new(userId, [Roles.Seeker], null, talentId);

    public static Actor Employer(string userId, string employerId) => new(userId, [Roles.EmployerHR], employerId, null);

    public static Actor Operator(string userId = "user-operator") => new(userId, [Roles.Operator], null, null);

    /// <summary>A seeker known by user id, whose profile id is derived from it.</summary>
    public static Actor SeekerUser(string userId = "user-seeker") => new(userId, [Roles.Seeker], null, "T-" + userId);

    /// <summary>Runs the use case in the scope as <paramref name="actor"/>.</summary>
    public static Task<Result<T>> RunAsAsync<T>(this IServiceProvider services, Actor actor, IUseCase<T> request)
    {
        services.GetRequiredService<ActingUser>().Actor = actor;
        return services.GetRequiredService<IUseCases>().RunAsync(request);
    }

    /// <summary>Asserts the result failed with the error of the kind and code given first; returns that error.</summary>
    public static Error AssertFails<T>(this Result<T> result, ErrorKind kind, string code)
    {
        Assert.False(result.Succeeded, $"expected {code}, but it succeeded");
        Assert.Equal((kind, code), (result.Errors[0].Kind, result.Errors[0].Code));
        return result.Errors[0];
    }

    /// <summary>The value of a result that must have succeeded (its errors in the failure message otherwise).</summary>
    public static T AssertValue<T>(this Result<T> result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }

    /// <summary>The error's message as a Chinese user reads it.</summary>
    public static string InChinese(this Error error) => ErrorText.For(error, Chinese);
}

/// <summary>A profile given as the file contract's record, as a client would send it (the record's id is ignored).</summary>
public sealed class ProfileLine(Gongjiang.Core.Interchange.TalentLine line) : Gongjiang.Application.Talent.IProfileInput
{
    public Gongjiang.Core.Interchange.TalentLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfOccupation,
        Gongjiang.Application.Talent.TalentRecord? existing, Gongjiang.Core.Taxonomy.TaxonomyCatalog catalog)
    {
        rowOfOccupation = Enumerable.Range(0, line.Occupations?.Count ?? 0).ToList();
        return line;
    }
}
