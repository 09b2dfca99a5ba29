using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// What a seeker is about to report, as the report form names it: an open posting (with its employer) or a verified
/// employer. Anything else answers NotFound, as filing the report would.
/// </summary>
public static class GetReportTarget
{
    public sealed record Query(string? JobId, string? EmployerId) : IUseCase<Target>;

    /// <param name="JobId">The posting reported, or null when the report is about the employer.</param>
    public sealed record Target(string? JobId, string? EmployerId, string Title, string? EmployerName);

    public sealed class Handler(AppDbContext db, ComplianceRules rules) : IUseCaseHandler<Query, Target>
    {
        public async Task<Result<Target>> HandleAsync(Query query, CancellationToken ct)
        {
            if (!string.IsNullOrWhiteSpace(query.JobId))
            {
                var jobId = query.JobId.Trim();
                var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
                if (job is null || !job.IsOpenOn(rules.Today)) return Error.NotFound(JobErrors.NotFound, jobId);
                var name = await db.Employers.Where(e => e.Id == job.EmployerId).Select(e => e.Name).FirstOrDefaultAsync(ct);
                return new Target(job.Id, null, job.Title, name);
            }
            if (!string.IsNullOrWhiteSpace(query.EmployerId))
            {
                var employerId = query.EmployerId.Trim();
                var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employerId, ct);
                if (employer is null || employer.Verification is not (VerificationStatus.Verified or VerificationStatus.Suspended))
                    return Error.NotFound(EmployerErrors.NotFound, employerId);
                return new Target(null, employer.Id, employer.Name, null);
            }
            return Error.Invalid("job_id", ComplianceErrors.ReportOneTarget);
        }
    }
}
