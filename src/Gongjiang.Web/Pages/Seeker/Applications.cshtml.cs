using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>The seeker's own applications (我的申请): status, full history with reasons, interviews, offers to answer, withdrawal.</summary>
public sealed class ApplicationsModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ListMyApplications.MyApplications View { get; private set; } = new([], new Dictionary<string, JobTitle>(), default);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await useCases.RunAsync(new ListMyApplications.Query(), ct);
        if (mine.Succeeded) View = mine.Value;
    }

    public Task<IActionResult> OnPostAcceptAsync(string applicationId, CancellationToken ct) =>
        Run("您已接受录用意向，等待企业确认签约。", new AnswerOffer.Command(applicationId, Accept: true), ct);

    public Task<IActionResult> OnPostDeclineAsync(string applicationId, CancellationToken ct) =>
        Run("您已婉拒该录用意向。", new AnswerOffer.Command(applicationId, Accept: false), ct);

    public Task<IActionResult> OnPostWithdrawAsync(string applicationId, string? reason, Guid version, CancellationToken ct) =>
        Run("申请已撤回。", new WithdrawApplication.Command(applicationId, reason, version), ct);

    private async Task<IActionResult> Run(string done, IUseCase<JobApplication> command, CancellationToken ct)
    {
        var result = await useCases.RunAsync(command, ct);
        if (result.FailureKind is ErrorKind.NotFound or ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded) Message = done; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
