using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>
/// The recruiting board of one of the employer's jobs (招聘看板): a column per stage, moves, confirmed rejections,
/// interviews with scorecards, offer cards and signing. Every form carries the version it was drawn from, so a change
/// made meanwhile by a colleague is reported instead of overwritten.
/// </summary>
public sealed class BoardModel(IUseCases useCases) : PageModel
{
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

    public GetBoard.Board View { get; private set; } = null!;
    public bool Filtered { get; private set; }

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
        var query = new GetBoard.Query(jobId, Stage, Q, Grade, AppliedFrom, AppliedTo);
        var board = await useCases.RunAsync(query, ct);
        if (!board.Succeeded) return NotFound();
        (View, Filtered) = (board.Value, query.Filtered);
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(string jobId, string applicationId, string to, Guid version, CancellationToken ct) =>
        Run(jobId, "申请已更新。", new MoveApplication.Command(applicationId, to, version), ct);

    public Task<IActionResult> OnPostRejectAsync(string jobId, string applicationId, bool confirm, string? reason, Guid version, CancellationToken ct) =>
        Run(jobId, "已拒绝该申请，求职者可以看到原因。", new RejectApplication.Command(applicationId, confirm, reason, version), ct);

    public Task<IActionResult> OnPostInterviewAsync(string jobId, string applicationId, DateTime? startsAt, string? place, string? onlineLink,
        string? interviewId, Guid version, CancellationToken ct) =>
        Run(jobId, "面试安排已保存。", new ScheduleInterview.Command(applicationId, startsAt is { } local ? Gongjiang.Core.Common.ChinaTime.ToUtc(local) : null, place, onlineLink, version,
            string.IsNullOrEmpty(interviewId) ? null : interviewId), ct);

    public Task<IActionResult> OnPostInterviewStatusAsync(string jobId, string applicationId, string interviewId, string status, CancellationToken ct) =>
        Run(jobId, "面试状态已更新。", new CloseInterview.Command(applicationId, interviewId, Held: status == "done"), ct);

    public Task<IActionResult> OnPostScorecardAsync(string jobId, string applicationId, string interviewId, int score, string? notes, CancellationToken ct) =>
        Run(jobId, "评分已保存。", new AddScorecard.Command(applicationId, interviewId, score, notes), ct);

    public Task<IActionResult> OnPostOfferAsync(string jobId, string applicationId, int monthlyPay, DateOnly? startDate, string? place, DateOnly? expiresOn,
        Guid version, CancellationToken ct) =>
        Run(jobId, "录用意向已发送。", new SendOffer.Command(applicationId, monthlyPay, startDate, place, expiresOn, version), ct);

    public Task<IActionResult> OnPostSignAsync(string jobId, string applicationId, Guid version, CancellationToken ct) =>
        Run(jobId, "已确认签约。", new ConfirmSigning.Command(applicationId, version), ct);

    /// <summary>
    /// Bulk action on the selected applications: move them to a stage, or reject them with one reason and a confirmation.
    /// Each goes through the same rules as a single change, and the report says how many changed and why others did not.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(string jobId, string[]? selected, string? to, string? reason, bool confirm, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new ChangeApplications.Command(jobId, selected, to, reason, confirm), ct);
        if (result.FailureKind is ErrorKind.NotFound or ErrorKind.Forbidden) return NotFound();
        if (!result.Succeeded) Problem = ErrorText.For(result.Errors[0]);
        else
        {
            var report = result.Value;
            var refused = report.Items.Where(i => !i.Succeeded).Select(i => $"{i.Name ?? i.ApplicationId}：{ErrorText.For(i.Error!)}");
            BulkReport = string.Join("\n", new[] { $"{report.Changed}|{report.Refused}" }.Concat(refused));
        }
        return RedirectToPage(new { jobId });
    }

    private async Task<IActionResult> Run(string jobId, string done, IUseCase<JobApplication> command, CancellationToken ct)
    {
        var result = await useCases.RunAsync(command, ct);
        if (result.FailureKind is ErrorKind.NotFound or ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded) Message = done; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { jobId });
    }
}
