using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Web.Api;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Talent;

/// <summary>人才搜索: full text and filters over the zone's shared pool; masked cards, relevance then recency.</summary>
public sealed class IndexModel(TalentSearchService search, AppDbContext db, TaxonomyCatalog catalog) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<SharingApi.TalentCard> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Searched { get; private set; }

    public string? Value(string name) => Request.Query[name].ToString() is { Length: > 0 } v ? v : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The occupation and major fields take a name as well as a code.
        var values = Request.Query.ToDictionary(p => p.Key, p => p.Value);
        if (Value("occupation") is { } occupation) values["occupation"] = TypedNames.Occupation(catalog, occupation);
        if (Value("major") is { } major) values["major"] = TypedNames.Major(catalog, major);
        values["pageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parsed = SharingApi.ParseQuery(search, new QueryCollection(values));
        if (!parsed.Succeeded)
        {
            Errors = parsed.Errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(ErrorText.For).ToArray());
            return;
        }
        var query = parsed.Value;
        Searched = true;
        var page = await search.SearchAsync(query, ct);
        (Total, PageNumber) = (page.Total, page.Page);
        Items = await SharingApi.CardsAsync(db, catalog, page.Items.Select(i => (i.Profile, (double)i.Score)), ct);
    }

    public string Link(int page)
    {
        var query = new QueryBuilder(Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
            { { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        return "/Employer/Talent" + query.ToQueryString();
    }
}
