using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Talent;

/// <summary>
/// One shared résumé for an employer: masked contact data until the seeker consents to this employer; the request form
/// (purpose and kinds); 相似人才. Opening it is logged in the seeker's view log.
/// </summary>
public sealed class ViewModel(UserManager<AppUser> users, SharingService sharing, TalentSearchService search, AppDbContext db, TaxonomyCatalog catalog) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ResumeAccess? Access { get; private set; }
    public IReadOnlyList<SharingApi.TalentCard> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await ViewerAsync() is not { } viewer) return NotFound();
        Access = await sharing.OpenAsync(viewer, id, "page", "人才搜索", ct);
        if (Access is null) return NotFound();
        var similar = await search.SimilarAsync(Access.Profile, 6, ct);
        Similar = await SharingApi.CardsAsync(db, catalog, similar.Select(s => (s.Profile, (double)s.Score)), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRequestAsync(string id, string? purpose, string[]? kinds, CancellationToken ct)
    {
        if (await ViewerAsync() is not { } viewer) return NotFound();
        var parsed = ContactKindNames.Parse(kinds) ?? ContactKinds.None;
        var result = await sharing.RequestContactAsync(viewer, id, purpose, parsed, ct);
        if (result.Failure == SharingFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = "已向求职者发送查看联系方式的申请，对方同意后即可查看。";
        else Problem = result.Message;
        return RedirectToPage(new { id });
    }

    private async Task<Viewer?> ViewerAsync() =>
        await users.GetUserAsync(User) is { EmployerId: { } employerId } user ? new Viewer(user.Id, employerId, null) : null;
}
