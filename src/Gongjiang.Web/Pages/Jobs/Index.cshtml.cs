using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Jobs;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Jobs;

/// <summary>找工作: words as people type them, filters for pay, education, experience, grade, benefits and posting date, three sorts.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public const int PageSize = 12;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    /// <summary>An occupation code, name, alias or everyday title.</summary>
    [BindProperty(SupportsGet = true)] public string? Occ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Employer { get; set; }
    [BindProperty(SupportsGet = true)] public string? PayMin { get; set; }
    [BindProperty(SupportsGet = true)] public string? PayMax { get; set; }
    [BindProperty(SupportsGet = true)] public string? Education { get; set; }
    [BindProperty(SupportsGet = true)] public string? Experience { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grade { get; set; }
    [BindProperty(SupportsGet = true)] public string[] Benefits { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Posted { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The results; null when a filter is not one of its choices (the form shows why).</summary>
    public SearchJobs.Openings? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = await useCases.RunAsync(new SearchJobs.Query(Q, City, Occ, PayMin, PayMax, Education, Experience, Grade,
            string.Join(',', Benefits), Posted, Sort, Employer, Math.Max(1, PageNumber), PageSize), ct);
        if (found.Succeeded) View = found.Value;
        // The page names the occupation field occ.
        else ModelState.AddResultErrors(found.Errors.Select(e => e.Field == "occupation" ? e.ForField("occ") : e));
    }

    public string Link(int page) => "/Jobs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["city"] = City, ["occ"] = Occ, ["employer"] = Employer, ["payMin"] = PayMin, ["payMax"] = PayMax, ["education"] = Education,
        ["experience"] = Experience, ["grade"] = Grade, ["posted"] = Posted, ["sort"] = Sort,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Concat(Benefits.Select(b => KeyValuePair.Create("benefits", (string?)b)))).ToUriComponent();
}
