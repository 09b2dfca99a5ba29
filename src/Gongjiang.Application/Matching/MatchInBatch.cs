using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Matching;

/// <summary>
/// An operator's batch of matches (the command line's <c>match jobs</c> / <c>match talent</c>): for each id, the best
/// K active talent for a job or open jobs for a seeker, with reasons; an id the engine does not hold is reported as
/// unknown, or as not open (a job) or not active (a profile) when the record exists.
/// </summary>
public static class MatchInBatch
{
    public enum Direction { TalentForJobs, JobsForTalent }

    public enum Skip { None, Unknown, NotOpenOrActive }

    public sealed record Query(Direction Of, IReadOnlyList<string> Ids, int Top) : IUseCase<IAsyncEnumerable<Matched>>;

    /// <summary>The matches of one id, in rank order, or why it was skipped.</summary>
    public sealed record Matched(string Id, Skip Skipped, IReadOnlyList<MatchResult> Items);

    public sealed class Handler(AppDbContext db, MatchingIndex index, RecommendationService recommendations, ICurrentUser currentUser)
        : IUseCaseHandler<Query, IAsyncEnumerable<Matched>>
    {
        public async Task<Result<IAsyncEnumerable<Matched>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { IsOperator: true }) return Error.Forbidden(MatchingErrors.NoAccount);
            if (query.Top is < 1 or > RecommendationService.MaxTop) return Error.Invalid("top", InputErrors.Between, 1, RecommendationService.MaxTop);
            var engine = await index.GetAsync(ct);
            return Result<IAsyncEnumerable<Matched>>.Success(MatchAllAsync(engine, query, ct));
        }

        private async IAsyncEnumerable<Matched> MatchAllAsync(MatchingEngine engine, Query query,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var forJobs = query.Of == Direction.TalentForJobs;
            foreach (var id in query.Ids)
            {
                if (!(forJobs ? engine.ContainsJob(id) : engine.ContainsTalent(id)))
                {
                    var exists = forJobs ? await db.Jobs.AnyAsync(j => j.Id == id, ct) : await db.Talent.AnyAsync(t => t.Id == id, ct);
                    yield return new Matched(id, exists ? Skip.NotOpenOrActive : Skip.Unknown, []);
                    continue;
                }
                var list = forJobs
                    ? await recommendations.TalentForJobAsync(id, query.Top, ct: ct)
                    : await recommendations.JobsForSeekerAsync(id, query.Top, personalized: true, ct);
                yield return new Matched(id, Skip.None, list.Items);
            }
        }
    }
}
