using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Taxonomy;

/// <summary>The occupational classification browser: search, and one occupation with its standard and majors.</summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public BrowseTaxonomy.Browse View { get; private set; } = new([], null);

    public IReadOnlyList<Occupation> Results => View.Results;
    public Occupation? Selected => View.Selected?.Occupation;
    /// <summary>大类 → 中类 → 小类 → the occupation itself.</summary>
    public IReadOnlyList<Occupation> Path => View.Selected?.Path ?? [];
    public IReadOnlyList<Occupation> Children => View.Selected?.Children ?? [];
    /// <summary>Skill items by grade, 5 (五级) first; items without a skill grade (专业技术等级) under their own code.</summary>
    public IReadOnlyList<GetOccupation.GradeItems> SkillsByGrade => View.Selected?.SkillsByGrade ?? [];
    public string? Edition => View.Selected?.Edition;
    public IReadOnlyList<MajorOccupationLink> Majors => View.Selected?.Majors ?? [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var browse = await useCases.RunAsync(new BrowseTaxonomy.Query(Q, Code), ct);
        if (browse.Succeeded) View = browse.Value;
    }

    public sealed record MajorSuggestion(string Code, string Name, string Level);

    /// <summary>Major suggestions for the profile editor's picker (by code prefix or name).</summary>
    public async Task<JsonResult> OnGetMajorsAsync(string? q, CancellationToken ct)
    {
        var found = await useCases.RunAsync(new SuggestMajors.Query(q), ct);
        return new JsonResult((found.Succeeded ? found.Value : []).Select(m => new MajorSuggestion(m.Code, $"{m.Name} · {m.LevelName}", m.Level)));
    }

    public static string LevelKey(int level) => level switch { 1 => "大类", 2 => "中类", 3 => "小类", _ => "职业" };
}
