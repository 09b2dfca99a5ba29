using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>
/// The recruiting board of one of the employer's jobs (招聘看板): a column per stage, moves, confirmed rejections,
/// interviews with scorecards, offer cards and signing. Every form carries the version it was drawn from, so a change
/// made meanwhile by a colleague is reported instead of overwritten.
/// </summary>
public sealed class BoardModel(UserManager<AppUser> users, AppDbContext db, RecruitingService recruiting, TimeProvider clock) : PageModel
{
    /// <summary>Times are entered and shown in China Standard Time, which has no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    /// <summary>The last bulk action's report: how many changed, how many were refused, and why (one line each).</summary>
    [TempData] public string? BulkReport { get; set; }

    // Filters (query string): stage, name or skill keyword, minimum grade in the job's occupation, applied between two days.
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Grade { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AppliedFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AppliedTo { get; set; }
    public int TotalApplications { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Stage) || !string.IsNullOrWhiteSpace(Q) || Grade is not null || AppliedFrom is not null || AppliedTo is not null;

    public JobPosting Job { get; private set; } = null!;
    public IReadOnlyList<JobApplication> Applications { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static string Local(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + ChinaOffset).ToString("yyyy-MM-dd HH:mm");

    public static string InterviewStatusKey(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => "已安排",
        InterviewStatus.Rescheduled => "已改期",
        InterviewStatus.Cancelled => "已取消",
        _ => "已面试",
    };

    public static string OfferStatusKey(OfferCard offer, DateOnly today) => offer.IsExpiredOn(today) ? "已过期" : offer.Status switch
    {
        OfferStatus.Sent => "待答复",
        OfferStatus.Accepted => "已接受",
        OfferStatus.Declined => "已婉拒",
        OfferStatus.Expired => "已过期",
        _ => "已替换",
    };

    public async Task<IActionResult> OnGetAsync(string jobId, CancellationToken ct)
    {
        var actor = await ActorAsync();
        var job = actor?.EmployerId is { } employerId ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.EmployerId == employerId, ct) : null;
        if (job is null) return NotFound();
        Job = job;
        Applications = await recruiting.ForJobAsync(job.EmployerId, jobId, ct) ?? [];
        var talentIds = Applications.Select(a => a.TalentId).ToList();
        // The seeker gave their name to this employer by applying; contact details stay out of the board.
        Names = await db.TalentContacts.AsNoTracking().Where(c => talentIds.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
        TotalApplications = Applications.Count;
        if (Filtered)
        {
            var profiles = await db.Talent.AsNoTracking().Where(t => talentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
            Applications = Applications.Where(a => Matches(a, profiles.GetValueOrDefault(a.TalentId))).ToList();
        }
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(string jobId, string applicationId, string to, Guid version, CancellationToken ct) =>
        Run(jobId, "申请已更新。", actor => ApplicationStages.TryParse(to, out var stage)
            ? recruiting.MoveAsync(actor, applicationId, stage, version, null, ct)
            : Task.FromResult(new RecruitingResult<JobApplication>(null, RecruitingFailure.Invalid, "未知的阶段。")));

    public Task<IActionResult> OnPostRejectAsync(string jobId, string applicationId, bool confirm, string? reason, Guid version, CancellationToken ct) =>
        Run(jobId, "已拒绝该申请，求职者可以看到原因。", actor => recruiting.RejectAsync(actor, applicationId, confirm, reason, version, ct));

    public Task<IActionResult> OnPostInterviewAsync(string jobId, string applicationId, DateTime? startsAt, string? place, string? onlineLink,
        string? interviewId, Guid version, CancellationToken ct) =>
        Run(jobId, "面试安排已保存。", actor =>
        {
            if (startsAt is not { } local) return Task.FromResult(new RecruitingResult<JobApplication>(null, RecruitingFailure.Invalid, "请填写面试时间。"));
            var input = new InterviewInput(DateTime.SpecifyKind(local - ChinaOffset, DateTimeKind.Utc), place, onlineLink);
            return string.IsNullOrEmpty(interviewId)
                ? recruiting.ScheduleInterviewAsync(actor, applicationId, input, version, ct)
                : recruiting.RescheduleInterviewAsync(actor, applicationId, interviewId, input, ct);
        });

    public Task<IActionResult> OnPostInterviewStatusAsync(string jobId, string applicationId, string interviewId, string status, CancellationToken ct) =>
        Run(jobId, "面试状态已更新。", actor => recruiting.SetInterviewStatusAsync(actor, applicationId, interviewId,
            status == "done" ? InterviewStatus.Done : InterviewStatus.Cancelled, ct));

    public Task<IActionResult> OnPostScorecardAsync(string jobId, string applicationId, string interviewId, int score, string? notes, CancellationToken ct) =>
        Run(jobId, "评分已保存。", actor => recruiting.AddScorecardAsync(actor, applicationId, interviewId, score, notes, ct));

    public Task<IActionResult> OnPostOfferAsync(string jobId, string applicationId, int monthlyPay, DateOnly? startDate, string? place, DateOnly? expiresOn,
        Guid version, CancellationToken ct) =>
        Run(jobId, "录用意向已发送。", actor => startDate is { } start && expiresOn is { } expires
            ? recruiting.SendOfferAsync(actor, applicationId, new OfferInput(monthlyPay, start, place ?? "", expires), version, ct)
            : Task.FromResult(new RecruitingResult<JobApplication>(null, RecruitingFailure.Invalid, "请填写入职日期和有效期。")));

    public Task<IActionResult> OnPostSignAsync(string jobId, string applicationId, Guid version, CancellationToken ct) =>
        Run(jobId, "已确认签约。", actor => recruiting.ConfirmSigningAsync(actor, applicationId, version, ct));

    private bool Matches(JobApplication a, Core.Talent.TalentProfile? profile)
    {
        if (ApplicationStages.TryParse(Stage, out var stage) && a.Stage != stage) return false;
        var appliedDay = DateOnly.FromDateTime(DateTime.SpecifyKind(a.AppliedAt, DateTimeKind.Utc) + ChinaOffset);
        if (AppliedFrom is { } from && appliedDay < from) return false;
        if (AppliedTo is { } to && appliedDay > to) return false;
        // Grades run from 5 (初级工) to 1 (高级技师): "at least grade 3" means a number of 3 or less.
        // A job without an occupation names no grade anyone holds for it, so nobody passes a grade filter there.
        if (Grade is { } grade && !(Job.OccupationCode is { } occupation && profile?.BestGradeIn(occupation) is { } held && held <= grade)) return false;
        if (Q?.Trim() is { Length: > 0 } q)
        {
            var name = Names.GetValueOrDefault(a.TalentId) ?? "";
            var inSkills = profile is not null && (profile.Skills.Any(s => s.Contains(q, StringComparison.OrdinalIgnoreCase))
                || profile.DesiredTitles.Any(s => s.Contains(q, StringComparison.OrdinalIgnoreCase)));
            if (!name.Contains(q, StringComparison.OrdinalIgnoreCase) && !inSkills && !a.TalentId.Equals(q, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>
    /// Bulk action on the selected applications: move them to a stage, or reject them with one reason and a confirmation.
    /// Each goes through the same rules as a single change, and the report says how many changed and why others did not.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(string jobId, string[]? selected, string? to, string? reason, bool confirm, CancellationToken ct)
    {
        if (await ActorAsync() is not { EmployerId: not null } actor) return NotFound();
        if (selected is not { Length: > 0 }) { Problem = "请先勾选要处理的申请。"; return RedirectToPage(new { jobId }); }
        if (!ApplicationStages.TryParse(to, out var stage)) { Problem = "未知的阶段。"; return RedirectToPage(new { jobId }); }
        var results = await recruiting.BulkChangeAsync(actor, jobId, selected, stage, reason, confirm, ct);
        if (results is null) return NotFound();
        var names = await db.Applications.AsNoTracking().Where(a => selected.Contains(a.Id))
            .Join(db.TalentContacts, a => a.TalentId, c => c.TalentId, (a, c) => new { a.Id, c.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var refused = results.Where(r => !r.Succeeded).Select(r => $"{names.GetValueOrDefault(r.ApplicationId) ?? r.ApplicationId}：{r.Message}");
        BulkReport = string.Join("\n", new[] { $"{results.Count(r => r.Succeeded)}|{results.Count(r => !r.Succeeded)}" }.Concat(refused));
        return RedirectToPage(new { jobId });
    }

    private async Task<IActionResult> Run(string jobId, string done, Func<RecruitingActor, Task<RecruitingResult<JobApplication>>> command)
    {
        if (await ActorAsync() is not { EmployerId: not null } actor) return NotFound();
        var result = await command(actor);
        if (result.Failure == RecruitingFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = done; else Problem = result.Message;
        return RedirectToPage(new { jobId });
    }

    private async Task<RecruitingActor?> ActorAsync() =>
        await users.GetUserAsync(User) is { } user ? new RecruitingActor(user.Id, user.EmployerId, null, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName) : null;
}
