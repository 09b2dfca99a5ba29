using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

public static class TaxonomyApi
{
    public static RouteGroupBuilder MapTaxonomyApi(this RouteGroupBuilder v1)
    {
        var taxonomy = v1.MapGroup("/taxonomy").WithTags("Taxonomy");
        taxonomy.MapGet("/occupations", SearchOccupations).WithName("SearchOccupations")
            .WithSummary("Occupations of the 2022 classification by name, alias or code");
        taxonomy.MapGet("/occupations/{code}", GetOccupation).WithName("GetOccupation")
            .WithSummary("An occupation with its skill-standard items per grade and the majors that lead to it");
        return v1;
    }

    public sealed record OccupationSummary(string Code, int Level, string Name, IReadOnlyList<string> Aliases);

    public sealed record SkillItemView(string GradeCode, int? Grade, string Name, double? WeightPercent, string Edition);

    public sealed record MajorView(string Code, string Name, string Level);

    public sealed record OccupationDetail(string Code, int Level, string Name, string Definition, string Tasks, IReadOnlyList<string> Aliases,
        string? ParentCode, IReadOnlyList<SkillItemView> SkillItems, IReadOnlyList<MajorView> Majors);

    private static Ok<List<OccupationSummary>> SearchOccupations(TaxonomyCatalog catalog, string? q, int? limit) =>
        TypedResults.Ok(OccupationSearch.Find(catalog, q, Math.Clamp(limit ?? 20, 1, 100))
            .Select(o => new OccupationSummary(o.Code, o.Level, o.Name, o.Aliases)).ToList());

    private static Results<Ok<OccupationDetail>, ProblemHttpResult> GetOccupation(string code, TaxonomyCatalog catalog)
    {
        var o = catalog.FindOccupation(code);
        if (o is null) return ApiResults.NotFound($"occupation {code}");
        var skills = catalog.SkillItemsByOccupation.TryGetValue(code, out var items)
            ? items.Select(s => new SkillItemView(s.GradeCode, s.Grade, s.Name, s.WeightPercent, s.Edition)).ToList()
            : [];
        var majors = catalog.MajorLinksByOccupation.TryGetValue(code, out var links)
            ? links.Select(l => new MajorView(l.MajorCode, l.MajorName, l.MajorLevel)).DistinctBy(m => m.Code).ToList()
            : [];
        return TypedResults.Ok(new OccupationDetail(o.Code, o.Level, o.Name, o.Definition, o.Tasks, o.Aliases, o.ParentCode, skills, majors));
    }
}
