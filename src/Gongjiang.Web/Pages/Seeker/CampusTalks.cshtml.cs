using Gongjiang.Application.Campus;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>宣讲会: upcoming campus talks, those of campaigns aimed at the seeker first, with sign-up while seats are left.</summary>
public sealed class CampusTalksModel(UserManager<AppUser> users, CampusService campus) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public IReadOnlyList<TalkListing> Talks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? campaign, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { TalentId: { } talentId }) return NotFound();
        // Arriving from the outreach notice's link is a response to it.
        if (!string.IsNullOrEmpty(campaign)) await campus.RespondAsync(talentId, campaign, "opened", ct);
        Talks = await campus.TalksForSeekerAsync(talentId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSignUpAsync(string talkId, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { TalentId: { } talentId }) return NotFound();
        var result = await campus.SignUpAsync(talentId, talkId, ct);
        if (result.Succeeded) Message = "报名成功。"; else Problem = result.Message;
        return RedirectToPage();
    }
}
