using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>An operator sets when repeat offenders are suspended: this many upheld complaints (1–100) within this many days (1–3650).</summary>
public static class SetSuspensionThreshold
{
    public sealed record Command(int UpheldComplaints, int WithinDays) : IUseCase<Done>;

    public sealed class Handler(ComplianceRules rules, ComplianceSettings settings) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Done>();
            return await settings.SetThresholdAsync(op.Value.UserId, new SuspensionThreshold(command.UpheldComplaints, command.WithinDays), ct);
        }
    }
}
