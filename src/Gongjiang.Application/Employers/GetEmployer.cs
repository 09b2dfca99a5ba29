using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>One employer: a verified one for everyone; any other only for operators and its own users (NotFound to the rest).</summary>
public static class GetEmployer
{
    public sealed record Query(string Id) : IUseCase<Employer>;

    public sealed class Handler(ICurrentUser currentUser, EmployerService employers) : IUseCaseHandler<Query, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Query query, CancellationToken ct)
        {
            var employer = await employers.FindAsync(query.Id, ct);
            if (employer is null) return Error.NotFound(EmployerErrors.NotFound, query.Id);
            if (employer.Verification == VerificationStatus.Verified) return employer;
            var actor = await currentUser.GetAsync(ct);
            return actor is not null && (actor.IsOperator || actor.EmployerId == query.Id) ? employer : Error.NotFound(EmployerErrors.NotFound, query.Id);
        }
    }
}
