using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Compliance;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The screening policy: per rule, block publication or only warn; and when repeat offenders are suspended.</summary>
public sealed class PolicyModel(ComplianceSettings settings, UserManager<AppUser> users) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public ScreeningPolicy Policy { get; private set; } = ScreeningPolicy.Default;
    public SuspensionThreshold Threshold { get; private set; } = SuspensionThreshold.Default;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policy = await settings.LoadPolicyAsync(ct);
        Threshold = await settings.LoadThresholdAsync(ct);
    }

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var actor = new ComplianceActor(user.Id);
        foreach (var rule in ScreeningRules.All)
        {
            if (!FlagSeverities.TryParse(Request.Form["rule-" + rule].ToString(), out var severity)) continue;
            await settings.SetRuleAsync(actor, rule, severity, ct);
        }
        Message = "审核规则已保存，立即生效。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostThresholdAsync(int upheldComplaints, int withinDays, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await settings.SetThresholdAsync(new ComplianceActor(user.Id), new SuspensionThreshold(upheldComplaints, withinDays), ct))
            Message = "暂停规则已保存。";
        else Problem = "次数应为 1–100，天数应为 1–3650。";
        return RedirectToPage();
    }
}
