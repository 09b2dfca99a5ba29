namespace Gongjiang.Core.Taxonomy;

/// <summary>
/// One skill item (职业功能) of a national vocational skill standard (国家职业技能标准) at one grade,
/// with its weight from the standard's weight table when the standard gives one.
/// </summary>
public sealed record SkillStandardItem(
    string OccupationCode,
    string OccupationName,
    string Edition,
    string GradeCode,      // L5…L1 skill grades, T1…T3 professional-technical levels
    int? Grade,            // 5…1 for L-codes, null for T-codes
    string Name,
    double? WeightPercent,
    string Category,
    string SourceDocument);
