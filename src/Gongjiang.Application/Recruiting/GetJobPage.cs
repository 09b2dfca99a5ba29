using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// Someone opens one posting in full: open ones for everybody, drafts and closed ones only for their employer and
/// operators. A signed-in seeker learns whether they can apply, or how far their application has come.
/// </summary>
public static class GetJobPage
{
    public sealed record Query(string JobId) : IUseCase<JobPage>;

    public sealed record JobPage(JobPosting Job, Employer? Employer, bool IsOwner, bool CanApply, ApplicationStage? AppliedStage);

    public sealed class Handler(IUseCases useCases, AppDbContext db, RecruitingRules rules) : IUseCaseHandler<Query, JobPage>
    {
        public async Task<Result<JobPage>> HandleAsync(Query query, CancellationToken ct)
        {
            var job = await useCases.RunAsync(new Jobs.GetJob.Query(query.JobId), ct);
            if (!job.Succeeded) return job.Cast<JobPage>();
            var actor = await rules.ActorAsync(ct);
            var me = actor.Succeeded ? actor.Value : null;
            var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == job.Value.EmployerId, ct);
            ApplicationStage? stage = null;
            var canApply = false;
            if (me?.TalentId is { } talentId)
            {
                stage = await db.Applications.AsNoTracking().Where(a => a.JobId == query.JobId && a.TalentId == talentId)
                    .Select(a => (ApplicationStage?)a.Stage).FirstOrDefaultAsync(ct);
                canApply = stage is null && job.Value.IsOpenOn(rules.Today);
            }
            return new JobPage(job.Value, employer, IsOwner: me?.EmployerId is { } mine && mine == job.Value.EmployerId, canApply, stage);
        }
    }
}
