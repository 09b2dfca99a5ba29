using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>The employer's own postings in every state, with publish and close.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ListOwnJobs.OwnJobs? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var status = Enum.TryParse<JobStatus>(Status, true, out var s) ? s : (JobStatus?)null;
        var result = await useCases.RunAsync(new ListOwnJobs.Query(status, Q, PageNumber, PageSize), ct);
        View = result.Succeeded ? result.Value : null;
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new PublishJob.Command(id), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = "岗位已发布，求职者现在可以搜索到它。";
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    public async Task<IActionResult> OnPostCloseAsync(string id, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new CloseJob.Command(id), ct);
        if (!result.Succeeded) return NotFound();
        if (result.Value.Status == JobStatus.Closed) Message = "岗位已关闭，不再对求职者展示。";
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    public string Link(int page) => "/Employer/Jobs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["q"] = Q, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    public string StatusLink(JobStatus? status) => "/Employer/Jobs" + (status is null ? "" : "?status=" + status.ToString()!.ToLowerInvariant());
}
