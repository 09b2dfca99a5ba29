using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The complaints queue (举报处理): take a report on, resolve it as upheld or dismissed with a reason; suspended employers.</summary>
public sealed class ComplaintsModel(ComplaintService complaints, AppDbContext db, UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ComplaintStatus? Current { get; private set; }
    public List<Complaint> Items { get; private set; } = [];
    public Dictionary<ComplaintStatus, int> Counts { get; private set; } = [];
    public Dictionary<string, JobPosting> Jobs { get; private set; } = [];
    public Dictionary<string, string> EmployerNames { get; private set; } = [];
    public Dictionary<string, string> UserNames { get; private set; } = [];
    public List<Core.Employers.Employer> Suspended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ComplaintStatuses.TryParse(Status, out var s)) Current = s;
        Counts = await complaints.CountsAsync(ct);
        Items = await complaints.QueueAsync(Current, ct);
        var jobIds = Items.Where(c => c.JobId is not null).Select(c => c.JobId!).Distinct().ToList();
        var employerIds = Items.Select(c => c.EmployerId).Distinct().ToList();
        var userIds = Items.Select(c => c.ReporterUserId).Concat(Items.Where(c => c.AssignedToUserId is not null).Select(c => c.AssignedToUserId!)).Distinct().ToList();
        Jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        EmployerNames = await db.Employers.Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Suspended = await db.Employers.AsNoTracking().Where(e => e.Verification == VerificationStatus.Suspended).OrderBy(e => e.Name).ToListAsync(ct);
    }

    private async Task<ComplianceActor?> ActorAsync() => await users.GetUserAsync(User) is { } user ? new ComplianceActor(user.Id) : null;

    private IActionResult Back() => RedirectToPage(new { status = Status });

    private IActionResult Answer<T>(ComplianceResult<T> result, string done)
    {
        if (result.Failure == ComplianceFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = done; else Problem = result.Message;
        return Back();
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, CancellationToken ct)
    {
        if (await ActorAsync() is not { } actor) return Challenge();
        return Answer(await complaints.AssignAsync(actor, id, null, ct), "已受理该举报。");
    }

    public async Task<IActionResult> OnPostResolveAsync(string id, bool upheld, string? reason, CancellationToken ct)
    {
        if (await ActorAsync() is not { } actor) return Challenge();
        return Answer(await complaints.ResolveAsync(actor, id, upheld, reason, ct), upheld ? "举报属实，已处理。" : "已驳回该举报。");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string jobId, string? reason, CancellationToken ct)
    {
        if (await ActorAsync() is not { } actor) return Challenge();
        return Answer(await complaints.RestorePostingAsync(actor, jobId, reason, ct), "岗位已恢复为草稿，企业修改后可重新发布。");
    }

    public async Task<IActionResult> OnPostLiftAsync(string employerId, string? reason, CancellationToken ct)
    {
        if (await ActorAsync() is not { } actor) return Challenge();
        return Answer(await complaints.LiftSuspensionAsync(actor, employerId, reason, ct), "已解除暂停。");
    }
}
