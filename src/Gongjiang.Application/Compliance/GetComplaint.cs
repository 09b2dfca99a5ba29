using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>One report, for its reporter or an operator; anyone else gets NotFound (its existence is not disclosed).</summary>
public static class GetComplaint
{
    public sealed record Query(string Id) : IUseCase<Seen>;

    /// <param name="ByOperator">Whether an operator reads it (the reporter does not see who handled it).</param>
    public sealed record Seen(Complaint Complaint, bool ByOperator);

    public sealed class Handler(ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Query, Seen>
    {
        public async Task<Result<Seen>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.SignedInAsync(ct);
            if (!actor.Succeeded) return Error.NotFound(ComplianceErrors.ComplaintNotFound, query.Id);
            var complaint = await complaints.FindAsync(query.Id, actor.Value.UserId, actor.Value.IsOperator, ct);
            return complaint is null ? Error.NotFound(ComplianceErrors.ComplaintNotFound, query.Id) : new Seen(complaint, actor.Value.IsOperator);
        }
    }
}
