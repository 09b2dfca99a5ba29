using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The screening queue (岗位复核): postings published with warnings or sent for review by their employer.</summary>
public sealed class ScreeningModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public IReadOnlyList<ScreeningQueueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var queue = await useCases.RunAsync(new ListScreeningQueue.Query(), ct);
        Items = queue.Succeeded ? queue.Value : [];
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, string decision, string? note, CancellationToken ct)
    {
        if (!Enum.TryParse<ScreeningQueueService.Decision>(decision, ignoreCase: true, out var d) || !Enum.IsDefined(d) || int.TryParse(decision, out _))
            return BadRequest();
        var result = await useCases.RunAsync(new DecideScreeningReview.Command(id, d, note), ct);
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded)
            Message = d switch
            {
                ScreeningQueueService.Decision.Approve => "已通过复核。",
                ScreeningQueueService.Decision.SendBack => "已退回企业修改，岗位已转为草稿。",
                _ => "岗位已下架。",
            };
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }
}
