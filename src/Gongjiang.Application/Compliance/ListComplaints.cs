using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// The operators' complaints queue (举报处理): open reports oldest first, or resolved ones (<c>upheld</c>, <c>dismissed</c>)
/// newest first, with the number in each state, the postings, employers and people they concern, and the suspended employers.
/// </summary>
public static class ListComplaints
{
    /// <param name="Status">A status file name (submitted, investigating, upheld, dismissed), or null for the open reports.</param>
    public sealed record Query(string? Status = null) : IUseCase<Queue>;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The complaints queue (投诉处理队列) is what operators call it.")]
    public sealed record Queue(ComplaintStatus? Current, IReadOnlyList<Complaint> Items, IReadOnlyDictionary<ComplaintStatus, int> Counts,
        IReadOnlyDictionary<string, JobPosting> Jobs, IReadOnlyDictionary<string, string> EmployerNames,
        IReadOnlyDictionary<string, string> UserNames, IReadOnlyList<Employer> Suspended);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Query, Queue>
    {
        public async Task<Result<Queue>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Queue>();
            ComplaintStatus? current = null;
            if (query.Status is not null)
            {
                if (!ComplaintStatuses.TryParse(query.Status, out var s)) return Error.Invalid("status", Common.Results.InputErrors.UnknownStatus, query.Status);
                current = s;
            }
            var counts = await complaints.CountsAsync(ct);
            var items = await complaints.QueueAsync(current, ct);
            var jobIds = items.Where(c => c.JobId is not null).Select(c => c.JobId!).Distinct().ToList();
            var employerIds = items.Select(c => c.EmployerId).Distinct().ToList();
            var userIds = items.Select(c => c.ReporterUserId).Concat(items.Where(c => c.AssignedToUserId is not null).Select(c => c.AssignedToUserId!))
                .Distinct().ToList();
            var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
            var employerNames = await db.Employers.Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            var userNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var suspended = await db.Employers.AsNoTracking().Where(e => e.Verification == VerificationStatus.Suspended).OrderBy(e => e.Name).ToListAsync(ct);
            return new Queue(current, items, counts, jobs, employerNames, userNames, suspended);
        }
    }
}
