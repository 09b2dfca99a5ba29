using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Skills;

/// <summary>
/// How each written skill of a text ("CNC编程、二保焊" for 多工序数控机床操作调整工 at 四级) is read: the standard skill
/// item it stands for with its confidence, or none (未识别), for a screen to show for confirmation while the skills are
/// typed. Skills are separated as the editors separate them (line breaks, 、，,；;). Unknown occupation codes are left
/// out (every standard is then searched); text without a skill gives an empty list, never an error.
/// </summary>
public static class RecognizeSkills
{
    /// <summary>The most written skills read at once; the rest of a longer text is left out.</summary>
    public const int MaxSkills = 60;

    public sealed record OccupationAt(string? Code, int? Grade);

    public sealed record Query(string? Text, IReadOnlyList<OccupationAt> Occupations) : IUseCase<IReadOnlyList<SkillReading>>
    {
        public Query(string? text, string? occupationCode, int? grade) : this(text, [new OccupationAt(occupationCode, grade)]) { }
    }

    private static readonly char[] Separators = ['\n', '\r', '、', '，', ',', '；', ';'];

    public sealed class Handler(TaxonomyCatalog catalog) : IUseCaseHandler<Query, IReadOnlyList<SkillReading>>
    {
        public Task<Result<IReadOnlyList<SkillReading>>> HandleAsync(Query query, CancellationToken ct)
        {
            var occupations = query.Occupations
                .Select(o => (Occupation: string.IsNullOrWhiteSpace(o.Code) ? null : catalog.FindOccupation(Taxonomy.TypedNames.Occupation(catalog, o.Code)), o.Grade))
                .Where(o => o.Occupation is not null)
                .Select(o => (o.Occupation!.Code, o.Grade is { } g && SkillGrade.IsValid(g) ? g : (int?)null))
                .Distinct().ToList();
            var written = (query.Text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxSkills);
            return Task.FromResult(Result<IReadOnlyList<SkillReading>>.Success(SkillReadings.Read(catalog, written, occupations, [])));
        }
    }
}
