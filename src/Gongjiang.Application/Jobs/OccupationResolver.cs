using Gongjiang.Application.Taxonomy;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// Reads a missing occupation code from the job title (职业名称标准化) through the one understanding of occupation names.
/// A code read so keeps its confidence: it is a guess until the poster confirms it (see <see cref="JobErrors.OccupationUnconfirmed"/>).
/// </summary>
public sealed class OccupationResolver(OccupationNames names)
{
    public (string Code, double Confidence)? Resolve(string title) =>
        names.Best(title) is { } best ? (best.Occupation.Code, Math.Round(best.Confidence, 4)) : null;
}
