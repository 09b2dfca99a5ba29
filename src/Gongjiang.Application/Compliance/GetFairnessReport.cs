using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Matching;

namespace Gongjiang.Application.Compliance;

/// <summary>An operator watches fairness (公平性监测): recommendation, application, interview and hire rates by gender and age band.</summary>
public static class GetFairnessReport
{
    public sealed record Query : IUseCase<FairnessReport>;

    public sealed class Handler(ComplianceRules rules, FairnessService fairness) : IUseCaseHandler<Query, FairnessReport>
    {
        public async Task<Result<FairnessReport>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<FairnessReport>();
            return await fairness.ReportAsync(ct);
        }
    }
}
