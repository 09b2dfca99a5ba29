using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Taxonomy;

/// <summary>The occupational classification browser: search, and one occupation with its standard and majors.</summary>
public sealed class IndexModel(TaxonomyCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IReadOnlyList<Occupation> Results { get; private set; } = [];
    public Occupation? Selected { get; private set; }
    /// <summary>大类 → 中类 → 小类 → the occupation itself.</summary>
    public IReadOnlyList<Occupation> Path { get; private set; } = [];
    public IReadOnlyList<Occupation> Children { get; private set; } = [];
    /// <summary>Skill items by grade, 5 (五级) first; items without a skill grade (专业技术等级) under their own code.</summary>
    public IReadOnlyList<(string GradeCode, int? Grade, IReadOnlyList<SkillStandardItem> Items)> SkillsByGrade { get; private set; } = [];
    public string? Edition { get; private set; }
    public IReadOnlyList<MajorOccupationLink> Majors { get; private set; } = [];
    public int OpenJobs { get; private set; }

    public void OnGet()
    {
        Results = OccupationSearch.Find(catalog, Q, string.IsNullOrWhiteSpace(Q) ? 50 : 60);
        Selected = catalog.FindOccupation(Code?.Trim()) ?? (Results.Count == 1 ? Results[0] : null);
        if (Selected is null) return;

        var path = new List<Occupation>();
        for (var o = Selected; o is not null; o = catalog.FindOccupation(o.ParentCode)) path.Add(o);
        path.Reverse();
        Path = path;
        Children = catalog.Occupations.Where(o => o.ParentCode == Selected.Code).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();

        if (catalog.SkillItemsByOccupation.TryGetValue(Selected.Code, out var items))
        {
            Edition = items.Select(i => i.Edition).FirstOrDefault(e => e.Length > 0);
            SkillsByGrade = items.GroupBy(i => i.GradeCode)
                .OrderBy(g => g.First().Grade is null ? 1 : 0).ThenByDescending(g => g.First().Grade).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.First().Grade, (IReadOnlyList<SkillStandardItem>)g.ToList()))
                .ToList();
        }
        Majors = catalog.MajorLinksByOccupation.TryGetValue(Selected.Code, out var links)
            ? links.DistinctBy(l => (l.MajorCode, l.MajorLevel)).OrderBy(l => LevelOrder(l.MajorLevel)).ThenBy(l => l.MajorCode, StringComparer.Ordinal).ToList()
            : [];
    }

    public sealed record MajorSuggestion(string Code, string Name, string Level);

    /// <summary>Major suggestions for the profile editor's picker (by code prefix or name).</summary>
    public JsonResult OnGetMajors(string? q)
    {
        q = q?.Trim() ?? "";
        IEnumerable<Major> found = q.Length == 0 ? [] :
            char.IsAsciiDigit(q[0])
                ? catalog.MajorsByCode.Values.Where(m => m.Code.StartsWith(q, StringComparison.Ordinal)).OrderBy(m => m.Code, StringComparer.Ordinal)
                : catalog.MajorsByCode.Values.Where(m => m.Name.Contains(q, StringComparison.Ordinal)).OrderBy(m => m.Name.Length).ThenBy(m => m.Code, StringComparer.Ordinal);
        return new JsonResult(found.Take(15).Select(m => new MajorSuggestion(m.Code, $"{m.Name} · {m.LevelName}", m.Level)));
    }

    private static int LevelOrder(string level) => level switch { "中等职业教育" => 0, "高等职业教育专科" => 1, "高等职业教育本科" => 2, _ => 3 };

    public static string LevelKey(int level) => level switch { 1 => "大类", 2 => "中类", 3 => "小类", _ => "职业" };
}
