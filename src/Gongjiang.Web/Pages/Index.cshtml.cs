using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages;

/// <summary>The home page: the zone's figures and the latest open jobs.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public GetHomePage.Home View { get; private set; } = new(0, 0, 0, [], new Dictionary<string, string>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        var home = await useCases.RunAsync(new GetHomePage.Query(), ct);
        if (home.Succeeded) View = home.Value;
    }
}
