using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>The operators' screening queue (岗位复核): postings published with warnings or sent for review by their employer, oldest first.</summary>
public static class ListScreeningQueue
{
    public sealed record Query : IUseCase<IReadOnlyList<ScreeningQueueItem>>;

    public sealed class Handler(ComplianceRules rules, ScreeningQueueService queue) : IUseCaseHandler<Query, IReadOnlyList<ScreeningQueueItem>>
    {
        public async Task<Result<IReadOnlyList<ScreeningQueueItem>>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<IReadOnlyList<ScreeningQueueItem>>();
            return Result<IReadOnlyList<ScreeningQueueItem>>.Success(await queue.PendingAsync(ct));
        }
    }
}
