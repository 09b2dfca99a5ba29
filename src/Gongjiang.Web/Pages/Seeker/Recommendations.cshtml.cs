using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Matching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>为你推荐: open jobs for the seeker with reasons, and the switch for results that do not use the profile (PIPL art. 24).</summary>
public sealed class RecommendationsModel(IUseCases useCases) : PageModel
{
    public const int Top = 20;

    /// <summary>The recommendations; null when a personalized list needs a profile first.</summary>
    public RecommendJobs.JobsForSeeker? View { get; private set; }

    public bool HasProfile => View is not null;
    public bool Personalized => View?.Personalized ?? true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = await useCases.RunAsync(new RecommendJobs.Query(Top), ct);
        View = found.Succeeded ? found.Value : null;
    }

    public async Task<IActionResult> OnPostPersonalizationAsync(bool enabled, CancellationToken ct)
    {
        await useCases.RunAsync(new SetPersonalization.Command(enabled), ct);
        return RedirectToPage();
    }
}
