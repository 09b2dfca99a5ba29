using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// Publishes one of the employer's saved postings (the API's publish): the one gate of <see cref="PostingRules.WhyNotPublish"/>;
/// a refusal is Refused with the screening flags in its details.
/// </summary>
public static class PublishJob
{
    public sealed record Command(string JobId) : IUseCase<Published>;

    /// <summary>The posting now open, with the screening flags it was published with (each waits for an operator's review).</summary>
    public sealed record Published(JobPosting Job, IReadOnlyList<ScreeningFlag> Flags);

    public sealed class Handler(AppDbContext db, PostingRules rules) : IUseCaseHandler<Command, Published>
    {
        public async Task<Result<Published>> HandleAsync(Command command, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return Error.NotFound(JobErrors.NotFound, command.JobId);
            var job = await rules.OwnJobAsync(employer.Value, command.JobId, ct);
            if (!job.Succeeded) return job.Cast<Published>();
            if (job.Value.IsOpenOn(rules.Today)) return new Published(job.Value, []); // already out: nothing to do
            var screening = rules.Screen(job.Value);
            if (rules.WhyNotPublish(employer.Value, job.Value, screening) is { } refusal) return refusal;
            rules.Open(job.Value, screening);
            await db.SaveChangesAsync(ct);
            return new Published(job.Value, screening.Flags);
        }
    }
}
