using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>The seeker's own reports and what the platform made of them.</summary>
public sealed class ReportsModel(ComplaintService complaints, UserManager<AppUser> users, AppDbContext db) : PageModel
{
    public List<Complaint> Items { get; private set; } = [];
    public Dictionary<string, string> JobTitles { get; private set; } = [];
    public Dictionary<string, string> EmployerNames { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Items = await complaints.ForReporterAsync(user.Id, ct);
        var jobIds = Items.Where(c => c.JobId is not null).Select(c => c.JobId!).Distinct().ToList();
        var employerIds = Items.Select(c => c.EmployerId).Distinct().ToList();
        JobTitles = await db.Jobs.Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
        EmployerNames = await db.Employers.Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return Page();
    }
}
