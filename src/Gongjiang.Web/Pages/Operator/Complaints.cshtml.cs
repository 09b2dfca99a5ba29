using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The complaints queue (举报处理): take a report on, resolve it as upheld or dismissed with a reason; suspended employers.</summary>
public sealed class ComplaintsModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ListComplaints.Queue? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unknown status shows the open reports.
        var status = ComplaintStatuses.TryParse(Status, out _) ? Status : null;
        var queue = await useCases.RunAsync(new ListComplaints.Query(status), ct);
        View = queue.Succeeded ? queue.Value : null;
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new AssignComplaint.Command(id), ct), "已受理该举报。");

    public async Task<IActionResult> OnPostResolveAsync(string id, bool upheld, string? reason, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new ResolveComplaint.Command(id, upheld, reason), ct), upheld ? "举报属实，已处理。" : "已驳回该举报。");

    public async Task<IActionResult> OnPostRestoreAsync(string jobId, string? reason, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new RestorePosting.Command(jobId, reason), ct), "岗位已恢复为草稿，企业修改后可重新发布。");

    public async Task<IActionResult> OnPostLiftAsync(string employerId, string? reason, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new LiftSuspension.Command(employerId, reason), ct), "已解除暂停。");

    private IActionResult Answer<T>(Result<T> result, string done)
    {
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = done; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { status = Status });
    }
}
