using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>The company profile: registered facts and verification status (read-only), and the public description (editable).</summary>
public sealed class CompanyModel(UserManager<AppUser> users, AppDbContext db, EmployerService employers, TimeProvider clock) : PageModel
{
    public Core.Employers.Employer? Company { get; private set; }
    public Dictionary<JobStatus, int> JobCounts { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Address { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return;
        Description = Company.Description;
        Website = Company.Website;
        Address = Company.Address;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return Page();
        if ((Description?.Length ?? 0) > 4000) Errors["description"] = ["最多 4000 个字符"];
        if (!string.IsNullOrWhiteSpace(Website))
        {
            var site = Website.Trim();
            if (!site.Contains("://", StringComparison.Ordinal)) site = "https://" + site;
            if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.'))
                Errors["website"] = ["请输入有效的网址，如 www.example.com"];
            else if (site.Length > 300) Errors["website"] = ["最多 300 个字符"];
            else Website = site;
        }
        if ((Address?.Length ?? 0) > 300) Errors["address"] = ["最多 300 个字符"];
        if (Errors.Count > 0) return Page();
        await employers.UpdateProfileAsync(Company.Id, Description, Website, Address, ct);
        Message = "企业介绍已保存。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Company = await EmployerAccount.CurrentAsync(User, users, db, ct);
        if (Company is null) return;
        var id = Company.Id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var states = await db.Jobs.Where(j => j.EmployerId == id).Select(j => new JobPosting { Status = j.Status, ExpiresAt = j.ExpiresAt }).ToListAsync(ct);
        JobCounts = states.GroupBy(j => Ui.EffectiveStatus(j, today)).ToDictionary(g => g.Key, g => g.Count());
    }
}
