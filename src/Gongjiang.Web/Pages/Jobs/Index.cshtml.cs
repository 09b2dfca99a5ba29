using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Jobs;

/// <summary>Open jobs: keyword, city and occupation filters, newest first.</summary>
public sealed class IndexModel(JobService jobs, AppDbContext db, TaxonomyCatalog catalog) : PageModel
{
    public const int PageSize = 12;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    /// <summary>An occupation code, or a name/alias that is looked up in the classification.</summary>
    [BindProperty(SupportsGet = true)] public string? Occ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Employer { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Occupation? Occupation { get; private set; }
    public bool OccupationNotFound { get; private set; }
    public string? EmployerName { get; private set; }
    public Paged<JobPosting> Result { get; private set; } = new([], 1, PageSize, 0);
    public Dictionary<string, string> EmployerNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Occ))
        {
            var text = Occ.Trim();
            Occupation = catalog.FindOccupation(text) ?? OccupationSearch.Find(catalog, text, 1).FirstOrDefault();
            OccupationNotFound = Occupation is null;
        }
        if (!string.IsNullOrWhiteSpace(Employer))
            EmployerName = await db.Employers.Where(e => e.Id == Employer).Select(e => e.Name).FirstOrDefaultAsync(ct);

        if (OccupationNotFound) return;
        Result = await jobs.SearchAsync(new JobQuery(Q, City, Occupation?.Code, EmployerName is null ? null : Employer, Page: PageNumber, PageSize: PageSize), ct);
        var ids = Result.Items.Select(j => j.EmployerId).Distinct().ToList();
        EmployerNames = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    public string Link(int page) => "/Jobs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["city"] = City, ["occ"] = Occ, ["employer"] = Employer, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
