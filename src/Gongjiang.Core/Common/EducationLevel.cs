namespace Gongjiang.Core.Common;

/// <summary>Highest education, ordered so that a larger value is more education.</summary>
public enum EducationLevel
{
    JuniorHigh = 1,           // 初中
    HighSchool = 2,           // 高中
    SecondaryVocational = 3,  // 中专/技校
    Associate = 4,            // 大专/高职
    Bachelor = 5,             // 本科
    Master = 6,               // 硕士
    Doctor = 7,               // 博士
}

public static class EducationLevels
{
    private static readonly Dictionary<string, EducationLevel> ByFileName = new(StringComparer.Ordinal)
    {
        ["junior_high"] = EducationLevel.JuniorHigh, ["high_school"] = EducationLevel.HighSchool,
        ["secondary_vocational"] = EducationLevel.SecondaryVocational, ["associate"] = EducationLevel.Associate,
        ["bachelor"] = EducationLevel.Bachelor, ["master"] = EducationLevel.Master, ["doctor"] = EducationLevel.Doctor,
    };

    public static bool TryParse(string? value, out EducationLevel level) => ByFileName.TryGetValue(value ?? "", out level);

    public static string ToFileName(EducationLevel level) => ByFileName.First(p => p.Value == level).Key;

    public static string ChineseName(EducationLevel level) => level switch
    {
        EducationLevel.JuniorHigh => "初中", EducationLevel.HighSchool => "高中", EducationLevel.SecondaryVocational => "中专/技校",
        EducationLevel.Associate => "大专", EducationLevel.Bachelor => "本科", EducationLevel.Master => "硕士", EducationLevel.Doctor => "博士",
        _ => "不限",
    };
}
