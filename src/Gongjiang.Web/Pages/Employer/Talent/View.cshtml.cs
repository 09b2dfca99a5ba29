using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Talent;

/// <summary>
/// The one résumé view of a candidate for an employer, wherever it is opened from (<c>from</c>: board, recommendations,
/// search, invitation; opened from the board also <c>application</c>, whose stage is shown with the way back): masked
/// contact data until the seeker consents to this employer or applied to it; the request form (purpose and kinds);
/// 相似人才. Opening it is logged in the seeker's view log with where it was opened from.
/// </summary>
public sealed class ViewModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public OpenResume.Opened View { get; private set; } = null!;
    public ResumeAccess Access => View.Access;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? Application { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var opened = await useCases.RunAsync(new OpenResume.Query(id, "page", Similar: 6, Source: From, ApplicationId: Application), ct);
        if (opened.FailureKind == ErrorKind.Invalid) return BadRequest();
        if (!opened.Succeeded) return NotFound();
        View = opened.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRequestAsync(string id, string? purpose, string[]? kinds, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new RequestContact.Command(id, purpose, kinds ?? []), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded) Message = "已向求职者发送查看联系方式的申请，对方同意后即可查看。";
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { id });
    }
}
