using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Core.Compliance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The screening policy: per rule, block publication or only warn; and when repeat offenders are suspended.</summary>
public sealed class PolicyModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public GetCompliancePolicy.Policy View { get; private set; } = new(ScreeningPolicy.Default, SuspensionThreshold.Default);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var policy = await useCases.RunAsync(new GetCompliancePolicy.Query(), ct);
        if (policy.Succeeded) View = policy.Value;
    }

    /// <summary>Each rule's choice arrives as the form field <c>rule-{name}</c>.</summary>
    public async Task<IActionResult> OnPostRulesAsync(CancellationToken ct)
    {
        var chosen = ScreeningRules.All.ToDictionary(rule => rule, rule => (string?)Request.Form["rule-" + rule].ToString());
        return Answer(await useCases.RunAsync(new SetScreeningRules.Command(chosen), ct), "审核规则已保存，立即生效。");
    }

    public async Task<IActionResult> OnPostThresholdAsync(int upheldComplaints, int withinDays, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new SetSuspensionThreshold.Command(upheldComplaints, withinDays), ct), "暂停规则已保存。");

    private RedirectToPageResult Answer(Result<Done> result, string done)
    {
        if (result.Succeeded) Message = done; else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
