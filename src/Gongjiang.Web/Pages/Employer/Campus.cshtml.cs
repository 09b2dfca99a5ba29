using Gongjiang.Application.Campus;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// 校园招聘: the employer's campus campaigns with reach, response and application counts, the form for a new campaign,
/// the outreach to its audience and its campus talks (宣讲会). For HR users only, like the campus API.
/// </summary>
[Authorize(Roles = Roles.EmployerHR)]
public sealed class CampusModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public ListCampaigns.CampaignList View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListCampaigns.Query(WithOpenJobs: true), ct);
        if (!list.Succeeded) return NotFound();
        View = list.Value;
        return Page();
    }

    public Task<IActionResult> OnPostCreateAsync(string? title, string? message, string? majors, string? schools, int? graduationYear, List<string>? jobIds,
        CancellationToken ct) =>
        RunAsync("校园招聘活动已创建。", new CreateCampaign.Command(new CampaignInput(title, message, Split(majors), Split(schools), graduationYear, jobIds)), ct);

    public Task<IActionResult> OnPostOutreachAsync(string campaignId, List<string>? channels, CancellationToken ct) =>
        RunAsync("通知已发送。", new SendOutreach.Command(campaignId, channels), ct);

    /// <summary>The talk's time is entered in China time.</summary>
    public Task<IActionResult> OnPostTalkAsync(string campaignId, string? school, string? place, DateTime? startsAt, int? capacity, CancellationToken ct) =>
        RunAsync("宣讲会已安排。", new AddTalk.Command(campaignId, new TalkInput(school, place,
            startsAt is { } local ? Gongjiang.Core.Common.ChinaTime.ToUtc(local) : null, capacity)), ct);

    private static List<string> Split(string? text) =>
        text?.Split([',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

    private async Task<IActionResult> RunAsync<T>(string done, IUseCase<T> command, CancellationToken ct)
    {
        var result = await useCases.RunAsync(command, ct);
        if (result.FailureKind == ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded) Message = done;
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
