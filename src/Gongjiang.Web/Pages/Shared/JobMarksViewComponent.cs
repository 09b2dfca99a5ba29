using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Seekers;
using Microsoft.AspNetCore.Mvc;

namespace Gongjiang.Web.Pages.Shared;

/// <summary>The 收藏 / 不感兴趣 buttons of a job (and 屏蔽该公司 on the detail page), for a signed-in seeker; nothing for anyone else.</summary>
public sealed class JobMarksViewComponent(IUseCases useCases) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string jobId, string? employerId = null, bool showBlock = false)
    {
        var marks = await useCases.RunAsync(new GetJobMarks.Query([jobId]), HttpContext.RequestAborted);
        var set = marks.Succeeded ? marks.Value : JobMarkSet.None;
        if (!set.CanMark) return Content("");
        var returnUrl = Request.Path + Request.QueryString;
        return View(new JobMarkButtons(jobId, set.IsSaved(jobId), set.IsNotInterested(jobId), showBlock ? employerId : null, returnUrl));
    }
}

/// <summary>What the buttons show: whether the job is saved or marked not interested, and the employer to offer blocking (or null).</summary>
public sealed record JobMarkButtons(string JobId, bool Saved, bool NotInterested, string? BlockEmployerId, string ReturnUrl);
