using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Matching;

/// <summary>
/// The seeker asks for open jobs (为你推荐) with reasons, never one they already applied to or were hired for. When they
/// turned personalization off (PIPL art. 24) nothing about them is read but those applications, and jobs come newest and
/// most-hiring first; otherwise a profile is needed (without one: NotFound).
/// </summary>
public static class RecommendJobs
{
    public const int MaxTop = 50;

    public sealed record Query(int Top = 10) : IUseCase<JobsForSeeker>;

    public sealed record Row(MatchResult Match, JobPosting Job, string? EmployerName);

    public sealed record JobsForSeeker(bool Personalized, bool LearnedRanking, IReadOnlyList<Row> Rows);

    public sealed class Handler(AppDbContext db, RecommendationService recommendations, ICurrentUser currentUser) : IUseCaseHandler<Query, JobsForSeeker>
    {
        public async Task<Result<JobsForSeeker>> HandleAsync(Query query, CancellationToken ct)
        {
            if (query.Top is < 1 or > MaxTop) return Error.Invalid("top", InputErrors.Between, 1, MaxTop);
            if (await currentUser.GetAsync(ct) is not { } actor) return Error.Forbidden(MatchingErrors.NoAccount);
            var personalized = await recommendations.IsPersonalizedAsync(actor.UserId, ct);
            var hasProfile = actor.TalentId is { } talentId && await db.Talent.AnyAsync(t => t.Id == talentId, ct);
            // Without personalization nothing about the seeker is read, so a missing profile does not matter.
            if (!hasProfile && personalized) return Error.NotFound(MatchingErrors.NoProfile);
            var list = await recommendations.JobsForSeekerAsync(actor.TalentId ?? "", query.Top, personalized, ct);
            list = await WithoutAppliedAsync(list, actor.TalentId, query.Top, personalized, ct);
            if (list.Personalized) await recommendations.RecordShownAsync(list.Items, ct);
            var ids = list.Items.Select(r => r.JobId).ToList();
            var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
            var employerIds = jobs.Values.Select(j => j.EmployerId).Distinct().ToList();
            var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            var rows = list.Items.Where(r => jobs.ContainsKey(r.JobId))
                .Select(r => new Row(r, jobs[r.JobId], employers.GetValueOrDefault(jobs[r.JobId].EmployerId))).ToList();
            return new JobsForSeeker(list.Personalized, list.LearnedRanking, rows);
        }

        /// <summary>
        /// Leaves out the jobs the seeker applied to or was hired for (<see cref="RecommendAlreadyApplied"/>), asking for
        /// as many more as it leaves out, so the list stays full; ranks are renumbered.
        /// </summary>
        private async Task<Recommendations> WithoutAppliedAsync(Recommendations list, string? talentId, int top, bool personalized, CancellationToken ct)
        {
            if (talentId is null) return list;
            var applied = await RecommendAlreadyApplied.JobsOfAsync(db, talentId, ct);
            if (applied.Count == 0 || !list.Items.Any(r => applied.Contains(r.JobId))) return list;
            var more = await recommendations.JobsForSeekerAsync(talentId, top + applied.Count, personalized, ct);
            var kept = more.Items.Where(r => !applied.Contains(r.JobId)).Take(top).Select((r, i) => r with { Rank = i + 1 }).ToList();
            return more with { Items = kept };
        }
    }
}
