using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator.Surveys;

/// <summary>
/// One survey: per stratum the population, the sample, the answers and the weights; while it is open the operator
/// reminds the employers that have not answered, or closes it.
/// </summary>
public sealed class DetailModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public GetSurvey.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id)) return Page(); // no survey chosen: the page points to the list
        var view = await useCases.RunAsync(new GetSurvey.Query(id), ct);
        if (!view.Succeeded) return NotFound();
        View = view.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(string id, CancellationToken ct)
    {
        var reminded = await useCases.RunAsync(new RemindSurvey.Command(id), ct);
        if (reminded.FailureKind == ErrorKind.NotFound) return NotFound();
        if (reminded.Succeeded) Message = reminded.Value == 0 ? "所有抽中企业都已填报，无需提醒。" : "已提醒未填报的企业。";
        else Problem = ErrorText.For(reminded.Errors[0]);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(string id, CancellationToken ct)
    {
        var closed = await useCases.RunAsync(new CloseSurvey.Command(id), ct);
        if (closed.FailureKind == ErrorKind.NotFound) return NotFound();
        if (closed.Succeeded) Message = "调查已关闭，企业不能再修改填报。";
        else Problem = ErrorText.For(closed.Errors[0]);
        return RedirectToPage(new { id });
    }
}
