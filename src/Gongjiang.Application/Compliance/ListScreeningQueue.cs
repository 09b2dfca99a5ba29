using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>The operators' screening queue (岗位复核): postings published with warnings or sent for review by their employer, oldest first.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The screening queue (人工复核队列) is what operators call it.")]
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
