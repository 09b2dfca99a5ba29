using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Matching;

/// <summary>The signed-in user reads whether recommendations use their profile (the default) or not (PIPL art. 24).</summary>
public static class GetPersonalization
{
    public sealed record Query : IUseCase<bool>;

    public sealed class Handler(RecommendationService recommendations, ICurrentUser currentUser) : IUseCaseHandler<Query, bool>
    {
        public async Task<Result<bool>> HandleAsync(Query query, CancellationToken ct) =>
            await currentUser.GetAsync(ct) is { } actor ? await recommendations.IsPersonalizedAsync(actor.UserId, ct) : Error.Forbidden(MatchingErrors.NoAccount);
    }
}
