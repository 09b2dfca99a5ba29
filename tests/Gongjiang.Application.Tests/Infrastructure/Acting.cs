using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>Who a test acts as when it runs a use case, and the run itself.</summary>
public static class Acting
{
    public static Actor Employer(string userId, string employerId) => new(userId, [Roles.EmployerHR], employerId, null);

    public static Actor Seeker(string userId, string talentId) => new(userId, [Roles.Seeker], null, talentId);

    public static Actor Operator(string userId) => new(userId, [Roles.Operator], null, null);

    /// <summary>Runs a use case in the scope as the given user.</summary>
    public static Task<Result<T>> RunAsAsync<T>(this IServiceProvider services, Actor actor, IUseCase<T> request)
    {
        services.GetRequiredService<ActingUser>().Actor = actor;
        return services.GetRequiredService<IUseCases>().RunAsync(request);
    }
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
