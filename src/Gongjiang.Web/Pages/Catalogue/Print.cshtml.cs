using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Catalogue;

/// <summary>The catalogue laid out for paper: the listings, the scarce majors and the method, printing cleanly to PDF.</summary>
public sealed class PrintModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public ViewCatalogue.View? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await useCases.RunAsync(new ViewCatalogue.Query(Period, Region, Cluster, Group, Top: 100), ct);
        if (result.Succeeded) View = result.Value;
        else ModelState.AddResultErrors(result.Errors);
    }
}
