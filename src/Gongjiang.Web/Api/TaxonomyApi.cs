using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

public static class TaxonomyApi
{
    public static RouteGroupBuilder MapTaxonomyApi(this RouteGroupBuilder v1)
    {
        var taxonomy = v1.MapGroup("/taxonomy").WithTags("Taxonomy");
        taxonomy.MapGet("/occupations", Search).WithName("SearchOccupations")
            .WithSummary("Occupations of the 2022 classification for a code, name, alias or everyday job title, ranked with confidences");
        taxonomy.MapGet("/occupations/{code}", Get).WithName("GetOccupation")
            .WithSummary("An occupation with its skill-standard items per grade and the majors that lead to it");
        return v1;
    }

    /// <summary>An occupation found for the text, with how sure the reading is.</summary>
    /// <param name="Confidence">0–1; 1 for the exact code, name or alias.</param>
    /// <param name="Coarse">A group, or too unsure a reading to stand for a detailed occupation: to be confirmed by a person.</param>
    /// <param name="Match">exact (code, name or alias), understood (an everyday title read by the title normalizer) or contains.</param>
    public sealed record OccupationSummary(string Code, int Level, string Name, IReadOnlyList<string> Aliases, double Confidence, bool Coarse, string Match)
    {
        public static OccupationSummary Of(OccupationAnswer a) => new(a.Occupation.Code, a.Occupation.Level, a.Occupation.PlainName, a.Occupation.Aliases,
            Math.Round(a.Confidence, 3), a.IsCoarse, a.FoundBy.ToString().ToLowerInvariant());
    }

    public sealed record SkillItemView(string GradeCode, int? Grade, string Name, double? WeightPercent, string Edition);

    public sealed record MajorView(string Code, string Name, string Level);

    public sealed record OccupationDetail(string Code, int Level, string Name, string Definition, string Tasks, IReadOnlyList<string> Aliases,
        string? ParentCode, IReadOnlyList<SkillItemView> SkillItems, IReadOnlyList<MajorView> Majors)
    {
        public static OccupationDetail Of(GetOccupation.Detail d) => new(d.Occupation.Code, d.Occupation.Level, d.Occupation.Name, d.Occupation.Definition,
            d.Occupation.Tasks, d.Occupation.Aliases, d.Occupation.ParentCode,
            d.SkillItems.Select(s => new SkillItemView(s.GradeCode, s.Grade, s.Name, s.WeightPercent, s.Edition)).ToList(),
            d.Majors.Select(l => new MajorView(l.MajorCode, l.MajorName, l.MajorLevel)).DistinctBy(m => m.Code).ToList());
    }

    private static async Task<Results<Ok<List<OccupationSummary>>, ProblemHttpResult>> Search(IUseCases useCases, string? q,
        [Range(1, SearchOccupations.MaxLimit), Description("At most this many occupations, 1–100 (default 20)")] int? limit, CancellationToken ct) =>
        (await useCases.RunAsync(new SearchOccupations.Query(q, limit ?? 20), ct))
            .ToHttp(found => found.Select(OccupationSummary.Of).ToList());

    private static async Task<Results<Ok<OccupationDetail>, ProblemHttpResult>> Get(string code, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetOccupation.Query(code), ct)).ToHttp(OccupationDetail.Of);
}
