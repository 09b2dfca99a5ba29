using Gongjiang.Application.Identity;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Matching.Engine;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>为你推荐: open jobs for the seeker with reasons, and the switch for results that do not use the profile (PIPL art. 24).</summary>
public sealed class RecommendationsModel(UserManager<AppUser> users, AppDbContext db, RecommendationService recommendations) : PageModel
{
    public const int Top = 20;

    public sealed record Row(MatchResult Match, JobPosting Job, string? EmployerName);

    public bool HasProfile { get; private set; }
    public bool Personalized { get; private set; } = true;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Personalized = !user.NonPersonalizedRecommendations;
        HasProfile = user.TalentId is not null && await db.Talent.AnyAsync(t => t.Id == user.TalentId, ct);
        // Without personalization nothing about the seeker is read, so a missing profile does not matter.
        if (!HasProfile && Personalized) return Page();
        var list = await recommendations.JobsForSeekerAsync(user.TalentId ?? "", Top, Personalized, ct);
        var ids = list.Items.Select(r => r.JobId).ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var employerIds = jobs.Values.Select(j => j.EmployerId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        Rows = list.Items.Where(r => jobs.ContainsKey(r.JobId))
            .Select(r => new Row(r, jobs[r.JobId], employers.GetValueOrDefault(jobs[r.JobId].EmployerId))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostPersonalizationAsync(bool enabled, CancellationToken ct)
    {
        var id = users.GetUserId(User);
        if (id is null) return Challenge();
        await recommendations.SetPersonalizedAsync(id, enabled, ct);
        return RedirectToPage();
    }
}
