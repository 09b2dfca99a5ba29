namespace Gongjiang.Core.Taxonomy;

/// <summary>
/// National vocational skill grade (国家职业技能等级). The number is the official one: 5 is the entry grade
/// (五级/初级工), 1 the top (一级/高级技师). A *lower* number is a *higher* grade.
/// </summary>
public static class SkillGrade
{
    public const int Min = 1;
    public const int Max = 5;

    public static bool IsValid(int grade) => grade is >= Min and <= Max;

    /// <summary>True when <paramref name="held"/> satisfies a requirement of <paramref name="required"/>.</summary>
    public static bool Meets(int? held, int? required) => required is null || (held is not null && held <= required);

    public static string ChineseName(int grade) => grade switch
    {
        5 => "五级/初级工",
        4 => "四级/中级工",
        3 => "三级/高级工",
        2 => "二级/技师",
        1 => "一级/高级技师",
        _ => "未定级",
    };

    public static string ShortChineseName(int grade) => grade switch
    {
        5 => "五级", 4 => "四级", 3 => "三级", 2 => "二级", 1 => "一级", _ => "未定级",
    };

    public static string EnglishName(int grade) => grade switch
    {
        5 => "Grade 5 (entry)", 4 => "Grade 4 (intermediate)", 3 => "Grade 3 (senior)",
        2 => "Grade 2 (technician)", 1 => "Grade 1 (senior technician)", _ => "Ungraded",
    };

    /// <summary>Parses the standard's grade codes: L5…L1 are skill grades; T1–T3 (专业技术初/中/高级) map to 5/4/3 is wrong,
    /// so they are returned as null and kept apart by the caller.</summary>
    public static int? FromStandardCode(string code) =>
        code is ['L', >= '1' and <= '5'] ? code[1] - '0' : null;
}
