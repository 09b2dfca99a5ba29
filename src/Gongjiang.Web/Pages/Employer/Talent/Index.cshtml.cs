using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Talent;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Talent;

/// <summary>人才搜索: full text and filters over the zone's shared pool; masked cards, relevance then recency.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The results; null before a valid search.</summary>
    public SearchTalent.CardPage? View { get; private set; }
    public int Pages => View is null ? 1 : Math.Max(1, (View.Total + PageSize - 1) / PageSize);
    public int ErrorCount => ModelState.Count(e => e.Value?.Errors.Count > 0);

    public string? Value(string name) => Request.Query[name].ToString() is { Length: > 0 } v ? v : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The occupation field takes a code, name, alias or everyday title; the major field a name as well as a code.
        var result = await useCases.RunAsync(new SearchTalent.Query(Value("q"), Value("occupation"), Value("minGrade"), Value("city"), Value("education"),
            Value("major"), Value("minExperience"), Value("payMin"), Value("payMax"), Value("page"),
            PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ReadNames: true, Sort: Value("sort")), ct);
        if (result.Succeeded) View = result.Value;
        else ModelState.AddResultErrors(result.Errors);
    }

    public string Link(int page)
    {
        var query = new QueryBuilder(Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
            { { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        return "/Employer/Talent" + query.ToQueryString();
    }
}
