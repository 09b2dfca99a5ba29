using Gongjiang.Application.Identity;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Jobs;
using Gongjiang.Matching.Engine;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>推荐人才: ranked seekers for one of the employer's open jobs, with reasons; names masked, no contact data.</summary>
public sealed class RecommendationsModel(UserManager<AppUser> users, AppDbContext db, RecommendationService recommendations, TimeProvider clock,
    Gongjiang.Application.Recruiting.InvitationService invitations) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    /// <summary>Talent already invited to this job and not yet answered (or answered by applying).</summary>
    public HashSet<string> Invited { get; private set; } = [];

    /// <summary>定向邀请投递: invites one recommended talent to apply to this job, with a message.</summary>
    public async Task<IActionResult> OnPostInviteAsync(string id, string talentId, string? message, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.EmployerId is null) return NotFound();
        var actor = new Gongjiang.Application.Recruiting.RecruitingActor(user.Id, user.EmployerId, null, user.DisplayName);
        var result = await invitations.InviteAsync(actor, id, talentId, message, ct);
        if (result.Failure == Gongjiang.Application.Recruiting.RecruitingFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = "邀请已发送，求职者会在消息中收到通知。"; else Problem = result.Message;
        return RedirectToPage(new { id });
    }

    public const int Top = 20;

    public sealed record Row(MatchResult Match, string MaskedName, double ExperienceYears, string? Education);

    public Core.Employers.Employer? Company { get; private set; }
    public JobPosting? Job { get; private set; }
    public IReadOnlyList<JobPosting> OpenJobs { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool LearnedRanking { get; private set; }
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        Company = await EmployerAccount.CurrentAsync(User, users, db, ct);
        if (Company is null) return Page();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrEmpty(id))
        {
            OpenJobs = await db.Jobs.AsNoTracking()
                .Where(j => j.EmployerId == Company.Id && j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today))
                .OrderByDescending(j => j.PostedAt).ThenBy(j => j.Id).Take(100).ToListAsync(ct);
            return Page();
        }
        // Another employer's posting is answered as not found: its existence is not disclosed.
        Job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.EmployerId == Company.Id, ct);
        if (Job is null) return NotFound();
        IsOpen = Job.IsOpenOn(today);
        if (!IsOpen) return Page();
        var list = await recommendations.TalentForJobAsync(Job.Id, Top, sharedOnly: true, ct);
        LearnedRanking = list.LearnedRanking;
        var ids = list.Items.Select(r => r.TalentId).ToList();
        var names = await db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
        var profiles = await db.Talent.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.ExperienceYears, t.Education.Level }).ToDictionaryAsync(t => t.Id, ct);
        Invited = (await invitations.ForEmployerAsync(Company.Id, Job.Id, ct))
            .Where(i => i.Status is Core.Recruiting.InvitationStatus.Pending or Core.Recruiting.InvitationStatus.Accepted).Select(i => i.TalentId).ToHashSet();
        Rows = list.Items.Select(r => new Row(r, TalentService.MaskName(names.GetValueOrDefault(r.TalentId) ?? "—"),
            profiles.TryGetValue(r.TalentId, out var p) ? p.ExperienceYears : 0,
            profiles.TryGetValue(r.TalentId, out var q) && q.Level is { } l ? Ui.EducationKey(l) : null)).ToList();
        return Page();
    }
}
