using Gongjiang.Core.Common;

namespace Gongjiang.Core.Employers;

/// <summary>A recruiting organisation: a manufacturer, or an HR-service agency (人力资源服务机构).</summary>
public sealed class Employer
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>统一社会信用代码 (GB 32100-2015), 18 characters.</summary>
    public string Uscc { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string IndustryCluster { get; set; } = "";
    public EnterpriseType EnterpriseType { get; set; }
    public VerificationStatus Verification { get; set; } = VerificationStatus.Pending;
    public DateTime? VerifiedAt { get; set; }
    public string? VerificationNote { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Address { get; set; }
    public bool IsAgency { get; set; }
    public string? ZoneId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Unverified employers cannot publish postings.</summary>
    public bool CanPublish => Verification == VerificationStatus.Verified;
}

public enum EnterpriseType
{
    Other = 0,
    ChainLeader,   // 链主企业
    Champion,      // 制造业单项冠军
    Specialized,   // 专精特新
    Sme,           // 中小企业
    StateOwned,    // 国有企业
    Foreign,       // 外资企业
}

public enum VerificationStatus { Pending = 0, Verified, Rejected, Suspended }

public static class EnterpriseTypes
{
    private static readonly Dictionary<string, EnterpriseType> ByFileName = new(StringComparer.Ordinal)
    {
        ["chain_leader"] = EnterpriseType.ChainLeader, ["champion"] = EnterpriseType.Champion,
        ["specialized"] = EnterpriseType.Specialized, ["sme"] = EnterpriseType.Sme,
        ["state_owned"] = EnterpriseType.StateOwned, ["foreign"] = EnterpriseType.Foreign, ["other"] = EnterpriseType.Other,
    };

    public static bool TryParse(string? value, out EnterpriseType type) => ByFileName.TryGetValue(value ?? "", out type);

    public static string ToFileName(EnterpriseType type) => ByFileName.First(p => p.Value == type).Key;

    public static string ChineseName(EnterpriseType type) => type switch
    {
        EnterpriseType.ChainLeader => "链主企业", EnterpriseType.Champion => "单项冠军", EnterpriseType.Specialized => "专精特新",
        EnterpriseType.Sme => "中小企业", EnterpriseType.StateOwned => "国有企业", EnterpriseType.Foreign => "外资企业", _ => "其他",
    };
}
