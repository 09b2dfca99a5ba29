using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Compliance;

namespace Gongjiang.Application.Compliance;

/// <summary>An employer asks an operator to review one of its postings (e.g. to contest a screening flag), with an optional note.</summary>
public static class RequestScreeningReview
{
    public sealed record Command(string JobId, string? Note) : IUseCase<ScreeningReview>;

    public sealed class Handler(ComplianceRules rules, ScreeningQueueService queue, PostingScreener screener) : IUseCaseHandler<Command, ScreeningReview>
    {
        public async Task<Result<ScreeningReview>> HandleAsync(Command command, CancellationToken ct)
        {
            var own = await rules.OwnEmployerIdAsync(null, ct);
            if (!own.Succeeded) return own.Cast<ScreeningReview>();
            return await queue.RequestReviewAsync(own.Value.Actor.UserId, own.Value.EmployerId, command.JobId, command.Note, screener, ct);
        }
    }
}
