using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// Saves a posting of the signed-in employer, new (<see cref="Command.JobId"/> null) or existing, and publishes it when
/// asked: loads the owned posting, checks the form once, screens once, saves once. A published posting whose edit no
/// longer passes screening goes back to draft. A refused publication still saves the posting and says why.
/// </summary>
public static class SaveJob
{
    public sealed record Command(string? JobId, IPostingInput Posting, bool Publish) : IUseCase<Saved>;

    public enum Outcome { Draft, Saved, Published, PublishRefused, BackToDraft }

    public sealed record Saved(JobPosting Job, Outcome Outcome, Error? Refusal, IReadOnlyList<ScreeningFlag> Flags);

    public sealed class Handler(AppDbContext db, PostingRules rules) : IUseCaseHandler<Command, Saved>
    {
        public async Task<Result<Saved>> HandleAsync(Command command, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<Saved>();
            JobPosting? existing = null;
            if (command.JobId is { } id)
            {
                var owned = await rules.OwnJobAsync(employer.Value, id, ct);
                if (!owned.Succeeded) return owned.Cast<Saved>();
                existing = owned.Value;
            }
            var checkedJob = rules.Check(command.Posting, employer.Value, existing);
            if (!checkedJob.Succeeded) return checkedJob.Cast<Saved>();
            if (command.Publish && checkedJob.Value.ExpiresAt is { } until && until < rules.Today)
                return Error.Invalid("expires_at", JobErrors.ExtendBeforePublishing);

            var job = Apply(checkedJob.Value, existing);
            var wasOpen = existing?.Status == JobStatus.Open;
            var screening = rules.Screen(job);
            var outcome = job.Status == JobStatus.Draft ? Outcome.Draft : Outcome.Saved;
            Error? refusal = null;
            if (wasOpen && screening.IsBlocked)
            {
                job.Status = JobStatus.Draft;
                outcome = Outcome.BackToDraft;
            }
            else if (command.Publish)
            {
                refusal = rules.WhyNotPublish(employer.Value, job, screening);
                if (refusal is null) { rules.Open(job, screening); outcome = Outcome.Published; }
                else outcome = Outcome.PublishRefused;
            }
            await db.SaveChangesAsync(ct);
            return new Saved(job, outcome, refusal, screening.Flags);
        }

        /// <summary>The checked values onto the tracked posting; a new posting is a draft until published.</summary>
        private JobPosting Apply(JobPosting values, JobPosting? existing)
        {
            values.UpdatedAt = rules.Now;
            if (existing is null)
            {
                values.Status = JobStatus.Draft;
                values.CreatedAt = values.UpdatedAt;
                db.Jobs.Add(values);
                return values;
            }
            values.CreatedAt = existing.CreatedAt;
            values.Status = existing.Status; // status changes only through publishing, closing and the platform's decisions
            db.Entry(existing).CurrentValues.SetValues(values);
            existing.Skills = values.Skills;
            existing.RequiredCertificates = values.RequiredCertificates;
            existing.Benefits = values.Benefits;
            return existing;
        }
    }
}
