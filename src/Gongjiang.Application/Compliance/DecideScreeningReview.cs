using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// An operator decides a posting in the screening queue: approves it, sends it back to its employer with a note (an open
/// posting returns to draft) or takes it down with a reason. Every decision goes to the service log.
/// </summary>
public static class DecideScreeningReview
{
    public sealed record Command(long ReviewId, ScreeningQueueService.Decision Decision, string? Note) : IUseCase<ScreeningReview>;

    public sealed class Handler(ComplianceRules rules, ScreeningQueueService queue) : IUseCaseHandler<Command, ScreeningReview>
    {
        public async Task<Result<ScreeningReview>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<ScreeningReview>();
            return await queue.DecideAsync(op.Value.UserId, command.ReviewId, command.Decision, command.Note, ct);
        }
    }
}
