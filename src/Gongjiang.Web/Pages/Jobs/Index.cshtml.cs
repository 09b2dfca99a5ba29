using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Portal;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Jobs;

/// <summary>Open jobs: keyword, city and occupation filters, newest first.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public const int PageSize = 12;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    /// <summary>An occupation code, or a name/alias that is looked up in the classification.</summary>
    [BindProperty(SupportsGet = true)] public string? Occ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Employer { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public BrowseJobs.Openings View { get; private set; } =
        new(null, false, null, new Paged<JobPosting>([], 1, PageSize, 0), new Dictionary<string, string>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = await useCases.RunAsync(new BrowseJobs.Query(Q, City, Occ, Employer, PageNumber, PageSize), ct);
        if (found.Succeeded) View = found.Value;
    }

    public string Link(int page) => "/Jobs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["city"] = City, ["occ"] = Occ, ["employer"] = Employer, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
