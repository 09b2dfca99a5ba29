using Gongjiang.Application.Campus;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// 校园招聘: the employer's campus campaigns with reach, response and application counts, the form for a new campaign,
/// the outreach to its audience and its campus talks (宣讲会). For HR users only, like the campus API.
/// </summary>
[Authorize(Roles = Roles.EmployerHR)]
public sealed class CampusModel(UserManager<AppUser> users, AppDbContext db, CampusService campus, TimeProvider clock) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public IReadOnlyList<(CampusCampaign Campaign, CampaignStats Stats)> Campaigns { get; private set; } = [];
    public IReadOnlyList<JobPosting> Jobs { get; private set; } = [];
    public int DefaultYear => clock.GetUtcNow().Year + 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ActorAsync() is not { EmployerId: { } employerId }) return NotFound();
        var list = new List<(CampusCampaign, CampaignStats)>();
        foreach (var c in await campus.ListAsync(employerId, ct)) list.Add((c, await campus.StatsAsync(c, ct)));
        Campaigns = list;
        Jobs = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == employerId && j.Status == JobStatus.Open).OrderByDescending(j => j.CreatedAt).Take(100).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostCreateAsync(string? title, string? message, string? majors, string? schools, int graduationYear, List<string>? jobIds,
        CancellationToken ct) =>
        Run("校园招聘活动已创建。", async actor => (await campus.CreateAsync(actor, new CampaignInput(title ?? "", message ?? "", Split(majors), Split(schools),
            graduationYear, jobIds ?? []), ct)).Message is var m && m is null ? null : m);

    public Task<IActionResult> OnPostOutreachAsync(string campaignId, List<string>? channels, CancellationToken ct) =>
        Run("通知已发送。", async actor =>
        {
            if (!Api.CampusApi.TryParseChannels(channels, out var parsed)) return "请选择发送渠道。";
            var result = await campus.SendOutreachAsync(actor, campaignId, parsed, ct);
            return result.Succeeded ? null : result.Message;
        });

    public Task<IActionResult> OnPostTalkAsync(string campaignId, string? school, string? place, DateTime? startsAt, int capacity, CancellationToken ct) =>
        Run("宣讲会已安排。", async actor =>
        {
            if (startsAt is not { } local) return "请填写宣讲时间。";
            var result = await campus.AddTalkAsync(actor, campaignId, new TalkInput(school ?? "", place ?? "",
                DateTime.SpecifyKind(local - Gongjiang.Web.Pages.Employer.Jobs.BoardModel.ChinaOffset, DateTimeKind.Utc), capacity), ct);
            return result.Succeeded ? null : result.Message;
        });

    private static List<string> Split(string? text) =>
        text?.Split([',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

    private async Task<IActionResult> Run(string done, Func<RecruitingActor, Task<string?>> command)
    {
        if (await ActorAsync() is not { EmployerId: not null } actor) return NotFound();
        var problem = await command(actor);
        if (problem is null) Message = done; else Problem = problem;
        return RedirectToPage();
    }

    private async Task<RecruitingActor?> ActorAsync() =>
        await users.GetUserAsync(User) is { EmployerId: not null } user ? new RecruitingActor(user.Id, user.EmployerId, null) : null;
}
