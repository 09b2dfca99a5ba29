using System.ComponentModel;
using System.Text.Json.Serialization;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Skills;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

public static class SkillsApi
{
    public static RouteGroupBuilder MapSkillsApi(this RouteGroupBuilder v1)
    {
        var skills = v1.MapGroup("/skills").WithTags("Skills");
        skills.MapGet("/recognize", Recognize).WithName("RecognizeSkills")
            .WithSummary("Each written skill of a text with the standard skill item of the occupations it is read as (or none) and the confidence, for confirmation while typing");
        return v1;
    }

    /// <summary>A written skill and the standard skill item it is read as; <c>item</c> null when none (未识别).</summary>
    public sealed record SkillReadingView(
        [property: JsonPropertyName("written")] string Written,
        [property: JsonPropertyName("item"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Item,
        [property: JsonPropertyName("confidence")] double Confidence)
    {
        public static SkillReadingView Of(SkillReading r) => new(r.Written, r.Item, Math.Round(r.Confidence, 3));
    }

    private static async Task<Results<Ok<List<SkillReadingView>>, ProblemHttpResult>> Recognize(IUseCases useCases,
        [Description("Written skills separated by line breaks, 、，,；;")] string? q,
        [Description("Occupation codes the skills belong to (repeatable); unknown codes are left out")] string[]? occupation,
        [Description("The skill grade (5…1) of each occupation, in the same order (repeatable)")] int?[]? grade,
        CancellationToken ct)
    {
        var occupations = (occupation ?? []).Select((code, i) => new RecognizeSkills.OccupationAt(code, grade is not null && i < grade.Length ? grade[i] : null)).ToList();
        return (await useCases.RunAsync(new RecognizeSkills.Query(q, occupations), ct)).ToHttp(found => found.Select(SkillReadingView.Of).ToList());
    }
}
