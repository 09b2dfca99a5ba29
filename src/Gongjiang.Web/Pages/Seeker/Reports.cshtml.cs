using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>The seeker's own reports and what the platform made of them.</summary>
public sealed class ReportsModel(IUseCases useCases) : PageModel
{
    public ListMyComplaints.MyComplaints View { get; private set; } = new([], new Dictionary<string, string>(), new Dictionary<string, string>());
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await useCases.RunAsync(new ListMyComplaints.Query(), ct);
        if (mine.Succeeded) View = mine.Value;
    }
}
