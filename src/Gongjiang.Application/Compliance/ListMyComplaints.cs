using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>The signed-in user's own reports, newest first, with the titles and names they concern and what the platform made of them.</summary>
public static class ListMyComplaints
{
    public sealed record Query : IUseCase<MyComplaints>;

    public sealed record MyComplaints(IReadOnlyList<Complaint> Items, IReadOnlyDictionary<string, string> JobTitles,
        IReadOnlyDictionary<string, string> EmployerNames);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Query, MyComplaints>
    {
        public async Task<Result<MyComplaints>> HandleAsync(Query query, CancellationToken ct)
        {
            var reporter = await rules.SignedInAsync(ct);
            if (!reporter.Succeeded) return reporter.Cast<MyComplaints>();
            var items = await complaints.ForReporterAsync(reporter.Value.UserId, ct);
            var jobIds = items.Where(c => c.JobId is not null).Select(c => c.JobId!).Distinct().ToList();
            var employerIds = items.Select(c => c.EmployerId).Distinct().ToList();
            var titles = await db.Jobs.Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
            var names = await db.Employers.Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            return new MyComplaints(items, titles, names);
        }
    }
}
