using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Portal;

/// <summary>
/// A visitor opens the home page: the zone's figures (verified employers, open jobs, active talent profiles) and the
/// latest open jobs, the same for everybody, so served from <see cref="HomePageCache"/> while fresh.
/// </summary>
public static class GetHomePage
{
    public const int Latest = 9;

    public sealed record Query : IUseCase<Home>;

    public sealed record Home(int EmployerCount, int OpenJobCount, int TalentCount, IReadOnlyList<JobPosting> LatestJobs,
        IReadOnlyDictionary<string, string> EmployerNames);

    public sealed class Handler(AppDbContext db, JobService jobs, HomePageCache cache, Matching.MatchingIndex index) : IUseCaseHandler<Query, Home>
    {
        public async Task<Result<Home>> HandleAsync(Query query, CancellationToken ct)
        {
            int? openJobs = index.IsReady ? (await index.GetAsync(ct)).JobCount : null;
            if (cache.Get(openJobs) is { } cached) return cached;
            var home = await BuildAsync(ct);
            cache.Set(home, openJobs);
            return home;
        }

        private async Task<Home> BuildAsync(CancellationToken ct)
        {
            var employers = await db.Employers.CountAsync(e => e.Verification == VerificationStatus.Verified, ct);
            var latest = await jobs.SearchAsync(new JobQuery { PageSize = Latest }, ct);
            var talent = await db.Talent.CountAsync(t => t.IsActive, ct);
            return new Home(employers, latest.Total, talent, latest.Items, await EmployerNames.OfAsync(db, latest.Items, ct));
        }
    }
}
