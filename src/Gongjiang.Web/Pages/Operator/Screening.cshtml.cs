using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The screening queue (岗位复核): postings published with warnings or sent for review by their employer.</summary>
public sealed class ScreeningModel(ScreeningQueueService queue, UserManager<AppUser> users) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public List<ScreeningQueueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await queue.PendingAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, string decision, string? note, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!Enum.TryParse<ScreeningQueueService.Decision>(decision, ignoreCase: true, out var d) || !Enum.IsDefined(d)) return BadRequest();
        var result = await queue.DecideAsync(new ComplianceActor(user.Id), id, d, note, ct);
        if (result.Failure == ComplianceFailure.NotFound) return NotFound();
        if (result.Succeeded)
            Message = d switch
            {
                ScreeningQueueService.Decision.Approve => "已通过复核。",
                ScreeningQueueService.Decision.SendBack => "已退回企业修改，岗位已转为草稿。",
                _ => "岗位已下架。",
            };
        else Problem = result.Message;
        return RedirectToPage();
    }
}
