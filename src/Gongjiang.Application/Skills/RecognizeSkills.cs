using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Skills;

namespace Gongjiang.Application.Skills;

/// <summary>
/// The standard skill items that skills as people write them stand for ("CNC编程、二保焊" for 多工序数控机床操作调整工 at
/// 四级), each with its confidence, for a screen to show for confirmation before a posting or profile is saved. An unknown
/// occupation code searches every standard; text without a skill gives an empty list, never an error.
/// </summary>
public static class RecognizeSkills
{
    public sealed record Query(string? Text, string? OccupationCode, int? Grade) : IUseCase<IReadOnlyList<RecognizedSkill>>;

    public sealed class Handler(TaxonomyCatalog catalog) : IUseCaseHandler<Query, IReadOnlyList<RecognizedSkill>>
    {
        public Task<Result<IReadOnlyList<RecognizedSkill>>> HandleAsync(Query query, CancellationToken ct)
        {
            var code = catalog.FindOccupation(query.OccupationCode?.Trim()) is { } occupation ? occupation.Code : null;
            var grade = query.Grade is { } g && SkillGrade.IsValid(g) ? g : (int?)null;
            return Task.FromResult(Result<IReadOnlyList<RecognizedSkill>>.Success(SkillRecognizer.For(catalog).Recognize(query.Text, code, grade)));
        }
    }
}
