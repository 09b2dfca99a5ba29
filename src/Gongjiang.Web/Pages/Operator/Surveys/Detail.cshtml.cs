using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator.Surveys;

/// <summary>One survey: per stratum the population, the sample, the answers and the weights.</summary>
public sealed class DetailModel(IUseCases useCases) : PageModel
{
    public GetSurvey.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id)) return Page(); // no survey chosen: the page points to the list
        var view = await useCases.RunAsync(new GetSurvey.Query(id), ct);
        if (!view.Succeeded) return NotFound();
        View = view.Value;
        return Page();
    }
}
