using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Compliance;

namespace Gongjiang.Application.Compliance;

/// <summary>The compliance settings an operator tunes (审核规则): block or warn per screening rule, and when repeat offenders are suspended.</summary>
public static class GetCompliancePolicy
{
    public sealed record Query : IUseCase<Policy>;

    public sealed record Policy(ScreeningPolicy Screening, SuspensionThreshold Threshold);

    public sealed class Handler(ComplianceRules rules, ComplianceSettings settings) : IUseCaseHandler<Query, Policy>
    {
        public async Task<Result<Policy>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Policy>();
            return new Policy(await settings.LoadPolicyAsync(ct), await settings.LoadThresholdAsync(ct));
        }
    }
}
