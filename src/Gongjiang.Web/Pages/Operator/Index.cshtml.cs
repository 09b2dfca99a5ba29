using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The zone at a glance: employers, postings and talent, where demand outruns supply, and what happened lately.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public GetZoneOverview.Overview? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var overview = await useCases.RunAsync(new GetZoneOverview.Query(), ct);
        View = overview.Succeeded ? overview.Value : null;
    }
}
