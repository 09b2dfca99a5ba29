using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Portal;

/// <summary>The names of the employers of some postings.</summary>
internal static class EmployerNames
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(AppDbContext db, IEnumerable<JobPosting> jobs, CancellationToken ct)
    {
        var ids = jobs.Select(j => j.EmployerId).Distinct().ToList();
        return await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }
}
