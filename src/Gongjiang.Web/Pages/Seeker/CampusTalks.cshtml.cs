using Gongjiang.Application.Campus;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>宣讲会: upcoming campus talks, those of campaigns aimed at the seeker first, with sign-up while seats are left.</summary>
public sealed class CampusTalksModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public IReadOnlyList<TalkListing> Talks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? campaign, CancellationToken ct)
    {
        // Arriving from the outreach notice's link is a response to it.
        if (!string.IsNullOrEmpty(campaign)) await useCases.RunAsync(new OpenCampaignNotice.Command(campaign), ct);
        var talks = await useCases.RunAsync(new ListTalks.Query(), ct);
        if (!talks.Succeeded) return NotFound();
        Talks = talks.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostSignUpAsync(string talkId, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new SignUpForTalk.Command(talkId), ct);
        if (result.FailureKind == ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded) Message = "报名成功。"; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
