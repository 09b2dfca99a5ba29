using Gongjiang.Application.Identity;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Talent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>
/// 隐私与授权: whether the résumé is in the zone's shared pool, employers' requests for contact data (grant or decline),
/// the consents given (revocable at any time), and who viewed the résumé (谁看过我的简历).
/// </summary>
public sealed class PrivacyModel(UserManager<AppUser> users, SharingService sharing, TalentService talent) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public TalentProfile? Profile { get; private set; }
    public IReadOnlyList<ContactRequestView> Requests { get; private set; } = [];
    public IReadOnlyList<ConsentGrantView> Grants { get; private set; } = [];
    public IReadOnlyList<ResumeViewEntry> Views { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await TalentIdAsync() is not { } id) return;
        Profile = await talent.FindAsync(id, ct);
        if (Profile is null) return;
        Requests = await sharing.RequestsForSeekerAsync(id, pendingOnly: true, ct);
        Grants = await sharing.GrantsForSeekerAsync(id, ct);
        Views = await sharing.ViewsOfAsync(id, 200, ct);
    }

    public async Task<IActionResult> OnPostGrantAsync(string requestId, string[]? kinds, CancellationToken ct)
    {
        if (await TalentIdAsync() is not { } id) return NotFound();
        var only = ContactKindNames.Parse(kinds) ?? ContactKinds.None;
        var result = await sharing.AnswerAsync(id, requestId, grant: true, onlyKinds: only, ct);
        return Done(result.Failure, result.Message, "已同意。该企业现在可以查看您授权的联系方式，您可以随时撤回。");
    }

    public async Task<IActionResult> OnPostDeclineAsync(string requestId, CancellationToken ct)
    {
        if (await TalentIdAsync() is not { } id) return NotFound();
        var result = await sharing.AnswerAsync(id, requestId, grant: false, ct: ct);
        return Done(result.Failure, result.Message, "已拒绝该申请。");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string grantId, CancellationToken ct)
    {
        if (await TalentIdAsync() is not { } id) return NotFound();
        var result = await sharing.RevokeAsync(id, grantId, ct);
        return Done(result.Failure, result.Message, "已撤回授权。该企业将无法再查看您的联系方式。");
    }

    private IActionResult Done(SharingFailure failure, string? message, string done)
    {
        if (failure == SharingFailure.NotFound) return NotFound();
        if (failure == SharingFailure.None) Message = done; else Problem = message;
        return RedirectToPage();
    }

    private async Task<string?> TalentIdAsync() => (await users.GetUserAsync(User))?.TalentId;
}
