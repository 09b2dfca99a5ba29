using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>The seeker's own applications (我的申请): status, full history with reasons, interviews, offers to answer, withdrawal.</summary>
public sealed class ApplicationsModel(UserManager<AppUser> users, AppDbContext db, RecruitingService recruiting, TimeProvider clock) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public IReadOnlyList<JobApplication> Items { get; private set; } = [];
    public Dictionary<string, (string Title, string Employer)> Jobs { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ActorAsync() is not { TalentId: { } talentId }) return;
        Items = await recruiting.ForSeekerAsync(talentId, ct);
        var jobIds = Items.Select(a => a.JobId).ToList();
        Jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .Join(db.Employers, j => j.EmployerId, e => e.Id, (j, e) => new { j.Id, j.Title, e.Name })
            .ToDictionaryAsync(x => x.Id, x => (x.Title, x.Name), ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    public Task<IActionResult> OnPostAcceptAsync(string applicationId, CancellationToken ct) =>
        Run("您已接受录用意向，等待企业确认签约。", actor => recruiting.AnswerOfferAsync(actor, applicationId, accept: true, ct));

    public Task<IActionResult> OnPostDeclineAsync(string applicationId, CancellationToken ct) =>
        Run("您已婉拒该录用意向。", actor => recruiting.AnswerOfferAsync(actor, applicationId, accept: false, ct));

    public Task<IActionResult> OnPostWithdrawAsync(string applicationId, string? reason, Guid version, CancellationToken ct) =>
        Run("申请已撤回。", actor => recruiting.WithdrawAsync(actor, applicationId, reason, version, ct));

    private async Task<IActionResult> Run(string done, Func<RecruitingActor, Task<RecruitingResult<JobApplication>>> command)
    {
        if (await ActorAsync() is not { TalentId: not null } actor) return NotFound();
        var result = await command(actor);
        if (result.Failure == RecruitingFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = done; else Problem = result.Message;
        return RedirectToPage();
    }

    private async Task<RecruitingActor?> ActorAsync() =>
        await users.GetUserAsync(User) is { } user ? new RecruitingActor(user.Id, null, user.TalentId, user.DisplayName) : null;
}
