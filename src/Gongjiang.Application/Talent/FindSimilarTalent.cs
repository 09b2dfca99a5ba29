using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Sharing;

namespace Gongjiang.Application.Talent;

/// <summary>
/// 相似人才: an employer asks for shared profiles like one it may see, ranked by the matching engine; masked cards, never
/// the candidate. A profile it may not see answers NotFound, as one that does not exist.
/// </summary>
public static class FindSimilarTalent
{
    public sealed record Query(string TalentId, int Top = 6) : IUseCase<IReadOnlyList<TalentCard>>;

    public sealed class Handler(SharingService sharing, TalentSearchService search) : IUseCaseHandler<Query, IReadOnlyList<TalentCard>>
    {
        public async Task<Result<IReadOnlyList<TalentCard>>> HandleAsync(Query query, CancellationToken ct)
        {
            var viewer = await sharing.ViewerAsync(ct);
            if (viewer is null || await sharing.AccessAsync(viewer, query.TalentId, ct) is not { } access)
                return Error.NotFound(SharingErrors.TalentNotFound, query.TalentId);
            var similar = await search.SimilarAsync(access.Profile, query.Top, viewer.EmployerId, ct);
            return Result<IReadOnlyList<TalentCard>>.Success(await search.CardsAsync(similar.Select(s => (s.Profile, (double)s.Score)), ct));
        }
    }
}
