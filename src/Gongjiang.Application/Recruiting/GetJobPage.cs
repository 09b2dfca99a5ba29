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
/// operators. A signed-in seeker learns whether they can apply, or how far their application has come. A posting the
/// platform took down is not shown, but whoever opens it learns that it was taken down and why (<see cref="JobPage.Removal"/>).
/// </summary>
public static class GetJobPage
{
    public sealed record Query(string JobId) : IUseCase<JobPage>;

    /// <param name="Removal">Set when the posting was taken down by the platform and the reader is neither its employer nor an
    /// operator: the page then shows only the title, the employer and why, not the posting.</param>
    public sealed record JobPage(JobPosting Job, Employer? Employer, bool IsOwner, bool CanApply, ApplicationStage? AppliedStage, TakenDown? Removal = null);

    /// <param name="Reason">The operator's reason recorded with the takedown.</param>
    public sealed record TakenDown(string? Reason);

    public sealed class Handler(IUseCases useCases, AppDbContext db, RecruitingRules rules, Compliance.ServiceLog serviceLog) : IUseCaseHandler<Query, JobPage>
    {
        public async Task<Result<JobPage>> HandleAsync(Query query, CancellationToken ct)
        {
            var job = await useCases.RunAsync(new Jobs.GetJob.Query(query.JobId), ct);
            if (job.FailureKind == ErrorKind.NotFound
                && await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == query.JobId && j.Status == JobStatus.TakenDown, ct) is { } removed)
            {
                var reasons = await serviceLog.TakedownReasonsAsync([removed.Id], ct);
                var owner = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == removed.EmployerId, ct);
                return new JobPage(removed, owner, IsOwner: false, CanApply: false, AppliedStage: null, new TakenDown(reasons.GetValueOrDefault(removed.Id)));
            }
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
