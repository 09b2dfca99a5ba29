using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>
/// 隐私与授权: whether the résumé is in the zone's shared pool, employers' requests for contact data (grant or decline),
/// the consents given (revocable at any time), and who viewed the résumé (谁看过我的简历).
/// </summary>
public sealed class PrivacyModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public GetPrivacyOverview.Overview View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = (await useCases.RunAsync(new GetPrivacyOverview.Query(), ct)).Value;

    public async Task<IActionResult> OnPostGrantAsync(string requestId, string[]? kinds, CancellationToken ct) =>
        Done(await useCases.RunAsync(new AnswerContactRequest.Command(requestId, Grant: true, kinds ?? []), ct),
            "已同意。该企业现在可以查看您授权的联系方式，您可以随时撤回。");

    public async Task<IActionResult> OnPostDeclineAsync(string requestId, CancellationToken ct) =>
        Done(await useCases.RunAsync(new AnswerContactRequest.Command(requestId, Grant: false), ct), "已拒绝该申请。");

    public async Task<IActionResult> OnPostRevokeAsync(string grantId, CancellationToken ct) =>
        Done(await useCases.RunAsync(new RevokeConsent.Command(grantId), ct), "已撤回授权。该企业将无法再查看您的联系方式。");

    private IActionResult Done<T>(Result<T> result, string done)
    {
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = done; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
