using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Seekers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>我的收藏: the jobs the seeker saved (closed ones marked); the 收藏 / 不感兴趣 buttons of every job page post here.</summary>
public sealed class SavedModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public IReadOnlyList<ListSavedJobs.SavedJob> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var saved = await useCases.RunAsync(new ListSavedJobs.Query(), ct);
        if (saved.Succeeded) Jobs = saved.Value;
        else Problem = ErrorText.For(saved.Errors[0]);
    }

    public async Task<IActionResult> OnPostMarkAsync(string jobId, string kind, bool on, string? returnUrl, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new MarkJob.Command(jobId, kind, on), ct);
        if (result.Succeeded)
            Message = (JobMarks.Parse(kind), on) switch
            {
                (Core.Talent.JobMarkKind.Saved, true) => "已收藏。",
                (Core.Talent.JobMarkKind.Saved, false) => "已取消收藏。",
                (_, true) => "已标记不感兴趣，它不会再出现在为你推荐中。",
                _ => "已取消不感兴趣。",
            };
        else Problem = ErrorText.For(result.Errors[0]);
        return returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }
}
