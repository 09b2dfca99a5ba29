using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Catalogue;

/// <summary>The public shortage-talent catalogue (急需紧缺人才目录): filters, charts, the listings and the rankings.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    /// <summary>Listings shown on the page; the export and the print view carry them all.</summary>
    public const int Shown = 30;

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public ViewCatalogue.View? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await useCases.RunAsync(new ViewCatalogue.Query(Period, Region, Cluster, Group), ct);
        if (result.Succeeded) View = result.Value;
        else ModelState.AddResultErrors(result.Errors);
    }

    /// <summary>The same filters on another address (export, print view).</summary>
    public string Link(string path, params (string Key, string? Value)[] extra) => path + QueryString.Create(
        new[] { ("period", View?.Catalogue.Period.ToString() ?? Period), ("region", Region), ("cluster", Cluster), ("group", Group) }
            .Concat(extra).Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).ToUriComponent();
}
