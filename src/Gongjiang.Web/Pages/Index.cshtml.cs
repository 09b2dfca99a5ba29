using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages;

public sealed class IndexModel(AppDbContext db, JobService jobs) : PageModel
{
    public int EmployerCount { get; private set; }
    public int OpenJobCount { get; private set; }
    public int TalentCount { get; private set; }
    public IReadOnlyList<JobPosting> LatestJobs { get; private set; } = [];
    public Dictionary<string, string> EmployerNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        EmployerCount = await db.Employers.CountAsync(e => e.Verification == VerificationStatus.Verified, ct);
        var latest = await jobs.SearchAsync(new JobQuery(PageSize: 9), ct);
        OpenJobCount = latest.Total;
        TalentCount = await db.Talent.CountAsync(t => t.IsActive, ct);
        LatestJobs = latest.Items;
        var ids = LatestJobs.Select(j => j.EmployerId).Distinct().ToList();
        EmployerNames = await db.Employers.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }
}
