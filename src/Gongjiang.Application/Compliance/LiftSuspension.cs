using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Compliance;

/// <summary>An operator lifts an employer's suspension with a reason: it is verified again and may publish; closed postings stay closed.</summary>
public static class LiftSuspension
{
    public sealed record Command(string EmployerId, string? Reason) : IUseCase<Employer>;

    public sealed class Handler(ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Command, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Employer>();
            return await complaints.LiftSuspensionAsync(op.Value.UserId, command.EmployerId, command.Reason, ct);
        }
    }
}
