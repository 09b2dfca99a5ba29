using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Compliance;

/// <summary>An operator lets a taken-down posting be edited and republished (e.g. the employer has put it right): it returns to draft.</summary>
public static class RestorePosting
{
    public sealed record Command(string JobId, string? Reason) : IUseCase<JobPosting>;

    public sealed class Handler(ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Command, JobPosting>
    {
        public async Task<Result<JobPosting>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<JobPosting>();
            return await complaints.RestorePostingAsync(op.Value.UserId, command.JobId, command.Reason, ct);
        }
    }
}
