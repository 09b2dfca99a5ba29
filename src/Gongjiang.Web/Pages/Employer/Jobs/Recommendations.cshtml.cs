using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>推荐人才: ranked seekers for one of the employer's open jobs, with reasons; names masked, no contact data.</summary>
public sealed class RecommendationsModel(IUseCases useCases) : PageModel
{
    public const int Top = 20;

    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    /// <summary>Whether the account belongs to an employer at all.</summary>
    public bool HasCompany { get; private set; } = true;
    /// <summary>Without a job chosen: the employer's open jobs to choose from.</summary>
    public IReadOnlyList<JobPosting> OpenJobs { get; private set; } = [];
    /// <summary>With a job chosen: its recommendations.</summary>
    public RecommendTalent.TalentForJob? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id))
        {
            var own = await useCases.RunAsync(new ListOwnJobs.Query(JobStatus.Open, PageSize: 100), ct);
            HasCompany = own.Succeeded;
            OpenJobs = own.Succeeded ? own.Value.Items : [];
            return Page();
        }
        // Another employer's posting is answered as not found: its existence is not disclosed.
        var found = await useCases.RunAsync(new RecommendTalent.Query(id, Top), ct);
        if (!found.Succeeded) return NotFound();
        View = found.Value;
        return Page();
    }

    /// <summary>定向邀请投递: invites one recommended talent to apply to this job, with a message.</summary>
    public async Task<IActionResult> OnPostInviteAsync(string id, string talentId, string? message, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new InviteTalent.Command(id, talentId, message), ct);
        if (result.FailureKind is ErrorKind.NotFound or ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded) Message = "邀请已发送，求职者会在消息中收到通知。"; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { id });
    }
}
