using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>投递邀请: invitations from employers to apply; accepting applies to the job, declining tells the employer.</summary>
public sealed class InvitationsModel(UserManager<AppUser> users, AppDbContext db, InvitationService invitations, TimeProvider clock) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public IReadOnlyList<Invitation> Items { get; private set; } = [];
    public Dictionary<string, (string Title, string Employer)> Jobs { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ActorAsync() is not { TalentId: { } talentId }) return;
        Items = await invitations.ForTalentAsync(talentId, ct);
        var jobIds = Items.Select(i => i.JobId).Distinct().ToList();
        Jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .Join(db.Employers, j => j.EmployerId, e => e.Id, (j, e) => new { j.Id, j.Title, e.Name })
            .ToDictionaryAsync(x => x.Id, x => (x.Title, x.Name), ct);
        Now = clock.GetUtcNow().UtcDateTime;
    }

    public Task<IActionResult> OnPostAcceptAsync(string invitationId, CancellationToken ct) =>
        Run("已接受邀请，申请已提交。", actor => invitations.AcceptAsync(actor, invitationId, ct), toApplications: true);

    public Task<IActionResult> OnPostDeclineAsync(string invitationId, CancellationToken ct) =>
        Run("已婉拒该邀请。", actor => invitations.DeclineAsync(actor, invitationId, ct), toApplications: false);

    private async Task<IActionResult> Run(string done, Func<RecruitingActor, Task<RecruitingResult<Invitation>>> command, bool toApplications)
    {
        if (await ActorAsync() is not { TalentId: not null } actor) return NotFound();
        var result = await command(actor);
        if (result.Failure == RecruitingFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = done; else Problem = result.Message;
        return result.Succeeded && toApplications ? RedirectToPage("/Seeker/Applications") : RedirectToPage();
    }

    private async Task<RecruitingActor?> ActorAsync() =>
        await users.GetUserAsync(User) is { } user ? new RecruitingActor(user.Id, null, user.TalentId, user.DisplayName) : null;
}
