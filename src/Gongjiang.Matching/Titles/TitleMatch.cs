namespace Gongjiang.Matching.Titles;

/// <summary>
/// A free job title normalized to the 2022 classification (职业名称标准化).
/// </summary>
/// <param name="Code">An x-xx-xx-xx code; a minor (x-xx-xx-00) or middle (x-xx-00-00) group when the title does not say more.</param>
/// <param name="Name">The occupation's name, without the classification's green/digital markers (L, S).</param>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="IsCoarse">True when <paramref name="Code"/> is a group rather than a detailed occupation.</param>
public sealed record TitleMatch(string Code, string Name, double Score, bool IsCoarse);
