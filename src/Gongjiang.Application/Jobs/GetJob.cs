using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

/// <summary>One posting: open ones for everybody; drafts, closed and taken-down ones only for their employer and operators.</summary>
public static class GetJob
{
    public sealed record Query(string JobId) : IUseCase<JobPosting>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IUseCaseHandler<Query, JobPosting>
    {
        public async Task<Result<JobPosting>> HandleAsync(Query query, CancellationToken ct)
        {
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == query.JobId, ct);
            if (job is null) return Error.NotFound(JobErrors.NotFound, query.JobId);
            if (job.IsOpenOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))) return job;
            var actor = await currentUser.GetAsync(ct);
            return actor is not null && (actor.IsOperator || actor.EmployerId == job.EmployerId) ? job : Error.NotFound(JobErrors.NotFound, query.JobId);
        }
    }
}
