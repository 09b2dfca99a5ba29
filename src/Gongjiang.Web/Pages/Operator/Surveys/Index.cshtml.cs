using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator.Surveys;

/// <summary>Employer demand surveys (用人需求调查): the zone's surveys and the form that opens one and draws its sample.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public int SampleSize { get; set; } = 100;
    [BindProperty] public int Seed { get; set; } = 1;

    public IReadOnlyList<ListSurveys.Row> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var opened = await useCases.RunAsync(new OpenSurvey.Command(Period, SampleSize, Seed), ct);
        if (opened.Succeeded) return RedirectToPage("Detail", new { id = opened.Value.Id });
        ModelState.AddResultErrors(opened.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListSurveys.Query(), ct);
        if (list.Succeeded) Surveys = list.Value;
    }
}
