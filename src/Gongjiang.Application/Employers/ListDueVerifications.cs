using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>The operators' re-verification queue: verifications lapsing within 30 days and expired ones, soonest first.</summary>
public static class ListDueVerifications
{
    public sealed record Query : IUseCase<IReadOnlyList<Employer>>;

    public sealed class Handler(ComplianceRules rules, VerificationService verification) : IUseCaseHandler<Query, IReadOnlyList<Employer>>
    {
        public async Task<Result<IReadOnlyList<Employer>>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<IReadOnlyList<Employer>>();
            return Result<IReadOnlyList<Employer>>.Success(await verification.DueAsync(ct));
        }
    }
}
