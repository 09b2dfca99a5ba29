using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>Closes one of the employer's open postings: seekers no longer see it. Closing a posting that is not open changes nothing.</summary>
public static class CloseJob
{
    public sealed record Command(string JobId) : IUseCase<JobPosting>;

    public sealed class Handler(AppDbContext db, PostingRules rules) : IUseCaseHandler<Command, JobPosting>
    {
        public async Task<Result<JobPosting>> HandleAsync(Command command, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<JobPosting>();
            var job = await rules.OwnJobAsync(employer.Value, command.JobId, ct);
            if (!job.Succeeded || job.Value.Status != JobStatus.Open) return job;
            job.Value.Status = JobStatus.Closed;
            job.Value.UpdatedAt = rules.Now;
            await db.SaveChangesAsync(ct);
            return job;
        }
    }
}
