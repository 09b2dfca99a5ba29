using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// An operator resolves a report as upheld or dismissed, always with a reason. Upheld on a posting takes it down; an employer
/// reaching the repeat-offender threshold is suspended and its open postings closed.
/// </summary>
public static class ResolveComplaint
{
    public sealed record Command(string Id, bool? Upheld, string? Reason) : IUseCase<Complaint>;

    public sealed class Handler(ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Command, Complaint>
    {
        public async Task<Result<Complaint>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Complaint>();
            if (command.Upheld is not { } upheld) return Error.Invalid("upheld", ComplianceErrors.UpheldRequired);
            return await complaints.ResolveAsync(op.Value.UserId, command.Id, upheld, command.Reason, ct);
        }
    }
}
