namespace Gongjiang.Core.Compliance;

/// <summary>The rule ids of posting screening, exactly as they appear in flags.csv and the API.</summary>
public static class ScreeningRules
{
    public const string Gender = "gender";
    public const string Age = "age";
    public const string Ethnicity = "ethnicity";
    public const string Hukou = "hukou";                            // 户籍
    public const string MaritalChildbearing = "marital_childbearing"; // 婚育
    public const string PregnancyTest = "pregnancy_test";           // 孕检
    public const string HepatitisB = "hepatitis_b";                 // 乙肝
    public const string Disability = "disability";
    public const string Religion = "religion";
    public const string FeeDeposit = "fee_deposit";                 // 押金、收费
    public const string BaitPay = "bait_pay";                       // 虚高薪酬诱导
    public const string OffPlatformContact = "off_platform_contact"; // 站外联系方式
    public const string MissingField = "missing_field";

    public static readonly IReadOnlyList<string> All =
    [
        Gender, Age, Ethnicity, Hukou, MaritalChildbearing, PregnancyTest, HepatitisB, Disability, Religion,
        FeeDeposit, BaitPay, OffPlatformContact, MissingField,
    ];

    /// <summary>The employment-discrimination rules (就业歧视).</summary>
    public static readonly IReadOnlyList<string> Discrimination =
        [Gender, Age, Ethnicity, Hukou, MaritalChildbearing, PregnancyTest, HepatitisB, Disability, Religion];

    public static bool IsKnown(string rule) => All.Contains(rule, StringComparer.Ordinal);

    /// <summary>Short Chinese name of a rule for review screens.</summary>
    public static string ChineseName(string rule) => rule switch
    {
        Gender => "性别歧视", Age => "年龄歧视", Ethnicity => "民族歧视", Hukou => "户籍/地域歧视",
        MaritalChildbearing => "婚育歧视", PregnancyTest => "孕检要求", HepatitisB => "乙肝歧视", Disability => "残疾歧视",
        Religion => "宗教信仰歧视", FeeDeposit => "收取押金或费用", BaitPay => "虚高薪酬诱导", OffPlatformContact => "站外联系方式",
        MissingField => "缺少必填信息", _ => rule,
    };
}

/// <summary>What a flag does to publication: <c>block</c> stops it until fixed or overruled by an operator; <c>warn</c> shows it for review.</summary>
public enum FlagSeverity { Warn = 0, Block = 1 }

public static class FlagSeverities
{
    public static string ToFileName(FlagSeverity severity) => severity == FlagSeverity.Block ? "block" : "warn";

    public static bool TryParse(string? value, out FlagSeverity severity)
    {
        switch (value)
        {
            case "block": severity = FlagSeverity.Block; return true;
            case "warn": severity = FlagSeverity.Warn; return true;
            default: severity = default; return false;
        }
    }
}

/// <summary>One finding on a posting.</summary>
/// <param name="Rule">One of <see cref="ScreeningRules.All"/>.</param>
/// <param name="Excerpt">The offending words as they appear in the posting (for a missing field: the field's name).</param>
/// <param name="LegalBasis">The law or regulation the finding rests on.</param>
/// <param name="Field">Where it was found: title, description, requirements, salary, headcount, city, expires_at.</param>
public sealed record ScreeningFlag(string Rule, FlagSeverity Severity, string Excerpt, string LegalBasis, string Field)
{
    public string SeverityName => FlagSeverities.ToFileName(Severity);
}

public sealed record ScreeningResult(IReadOnlyList<ScreeningFlag> Flags)
{
    /// <summary>True when at least one flag blocks publication.</summary>
    public bool IsBlocked => Flags.Any(f => f.Severity == FlagSeverity.Block);

    public bool CanPublish => !IsBlocked;

    public bool IsClean => Flags.Count == 0;

    public bool Has(string rule) => Flags.Any(f => f.Rule == rule);

    public IEnumerable<ScreeningFlag> For(string rule) => Flags.Where(f => f.Rule == rule);
}

/// <summary>
/// Which rules block and which warn, and how far above the norm pay must be to look like bait. Operators tune this;
/// a rule mapped to null is switched off.
/// </summary>
public sealed record ScreeningPolicy
{
    public IReadOnlyDictionary<string, FlagSeverity?> Severities { get; init; } = DefaultSeverities();

    /// <summary>A salary whose minimum is at least this multiple of the norm is bait (求职者按最低值预期收入).</summary>
    public double BaitPayMinimumMultiple { get; init; } = 2.5;

    /// <summary>A salary whose maximum is at least this multiple of the norm is bait.</summary>
    public double BaitPayMaximumMultiple { get; init; } = 4.0;

    public static ScreeningPolicy Default { get; } = new();

    public FlagSeverity? SeverityOf(string rule) =>
        Severities.TryGetValue(rule, out var severity) ? severity : FlagSeverity.Block;

    public bool IsEnabled(string rule) => SeverityOf(rule) is not null;

    /// <summary>A copy with one rule's severity changed (null switches it off).</summary>
    public ScreeningPolicy With(string rule, FlagSeverity? severity)
    {
        if (!ScreeningRules.IsKnown(rule)) throw new ArgumentException($"Unknown screening rule '{rule}'.", nameof(rule));
        var copy = new Dictionary<string, FlagSeverity?>(Severities, StringComparer.Ordinal) { [rule] = severity };
        return this with { Severities = copy };
    }

    private static Dictionary<string, FlagSeverity?> DefaultSeverities()
    {
        var map = new Dictionary<string, FlagSeverity?>(StringComparer.Ordinal);
        foreach (var rule in ScreeningRules.Discrimination) map[rule] = FlagSeverity.Block;
        map[ScreeningRules.FeeDeposit] = FlagSeverity.Block;
        map[ScreeningRules.BaitPay] = FlagSeverity.Warn;
        map[ScreeningRules.OffPlatformContact] = FlagSeverity.Warn;
        map[ScreeningRules.MissingField] = FlagSeverity.Block;
        return map;
    }
}

/// <summary>The legal basis cited for each rule. Article numbers are those of the laws in force.</summary>
public static class LegalBasis
{
    public const string GenderAgainstWomen =
        "《就业促进法》第二十七条；《妇女权益保障法》第四十三条；《人力资源市场暂行条例》第二十四条";
    public const string GenderAgainstMen =
        "《就业促进法》第三条、第二十六条；《人力资源市场暂行条例》第二十四条";
    public const string Age = "《就业促进法》第二十六条（平等就业机会和公平就业条件）";
    public const string Ethnicity = "《就业促进法》第三条、第二十八条；《人力资源市场暂行条例》第二十四条";
    public const string Hukou = "《就业促进法》第二十六条、第三十一条";
    public const string MaritalChildbearing = "《妇女权益保障法》第四十三条；《就业促进法》第二十七条";
    public const string PregnancyTest = "《妇女权益保障法》第四十三条；《个人信息保护法》第二十八条";
    public const string HepatitisB = "《就业促进法》第三十条；《个人信息保护法》第二十八条";
    public const string Disability = "《就业促进法》第二十九条；《残疾人保障法》第三十八条";
    public const string Religion = "《就业促进法》第三条；《人力资源市场暂行条例》第二十四条";
    public const string FeeDeposit = "《劳动合同法》第九条；《就业服务与就业管理规定》第十四条";
    public const string BaitPay =
        "《人力资源市场暂行条例》第二十四条（招聘信息应当真实）；《就业服务与就业管理规定》第十四条（不得提供虚假招聘信息）；《网络招聘服务管理规定》";
    public const string OffPlatformContact = "平台规则（防范站外诈骗）；《网络招聘服务管理规定》；《个人信息保护法》第十条";
    public const string MissingField = "《人力资源市场暂行条例》第二十四条；《网络招聘服务管理规定》";
    public const string MissingValidity = "平台规则（招聘信息须标明有效期，到期下架）";
}
