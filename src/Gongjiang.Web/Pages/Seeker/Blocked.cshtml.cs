using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Seekers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>屏蔽的公司: the companies the seeker blocked, each to unblock; the 屏蔽该公司 button of a job page posts here.</summary>
public sealed class BlockedModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public IReadOnlyList<ListBlockedCompanies.BlockedCompany> Companies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var blocked = await useCases.RunAsync(new ListBlockedCompanies.Query(), ct);
        if (blocked.Succeeded) Companies = blocked.Value;
        else Problem = ErrorText.For(blocked.Errors[0]);
    }

    public async Task<IActionResult> OnPostBlockAsync(string employerId, bool block, string? returnUrl, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new BlockCompany.Command(employerId, block), ct);
        if (result.Succeeded) Message = block ? "已屏蔽该公司：它将看不到您的简历，也不能邀请您。" : "已解除屏蔽。";
        else Problem = ErrorText.For(result.Errors[0]);
        return returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }
}
