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
    /// <summary>Head count (employers.csv <c>employees</c>), for the size strata of demand surveys; null when unknown.</summary>
    public int? Employees { get; set; }
    public string? ZoneId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>自主招聘单位, 人力资源服务机构 or 公共就业服务机构; HR-service businesses also need an approved licence.</summary>
    public AccountClass AccountClass { get; set; } = AccountClass.SelfRecruiting;
    /// <summary>When the current verification lapses (6 months after approval); null for records approved before expiry was kept.</summary>
    public DateTime? VerificationExpiresAt { get; set; }
    /// <summary>The organisation name as printed on the business licence, given with the verification request.</summary>
    public string? LicensedName { get; set; }
    public DateTime? VerificationRequestedAt { get; set; }
    /// <summary>The business licence (营业执照) as uploaded at registration: SHA-256 of the stored file, and its content type.</summary>
    public string? BusinessLicenceFileHash { get; set; }
    public string? BusinessLicenceContentType { get; set; }

    /// <summary>人力资源服务许可证 of an HR-service business.</summary>
    public string? HrLicenceNumber { get; set; }
    public string? HrLicenceAuthority { get; set; }
    public DateOnly? HrLicenceValidUntil { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the uploaded licence file, which is stored under that name.</summary>
    public string? HrLicenceFileHash { get; set; }
    public string? HrLicenceContentType { get; set; }
    public HrLicenceStatus HrLicenceStatus { get; set; } = HrLicenceStatus.None;
    public string? HrLicenceNote { get; set; }

    /// <summary>Unverified employers cannot publish postings.</summary>
    public bool CanPublish => Verification == VerificationStatus.Verified;

    /// <summary>
    /// The one publishing gate: null when the employer may publish postings (and, as an HR-service business, run headhunting
    /// projects) at <paramref name="now"/>; otherwise the code of the reason (<see cref="PublishRefusals"/>).
    /// </summary>
    public string? WhyCannotPublish(DateTime now)
    {
        switch (Verification)
        {
            case VerificationStatus.Pending: return PublishRefusals.VerificationPending;
            case VerificationStatus.Rejected: return PublishRefusals.VerificationRejected;
            case VerificationStatus.Suspended: return PublishRefusals.Suspended;
            case VerificationStatus.Expired: return PublishRefusals.VerificationExpired;
        }
        if (VerificationExpiresAt is { } expires && expires <= now)
            return PublishRefusals.VerificationExpired;
        if (AccountClass == AccountClass.HrService)
        {
            if (HrLicenceStatus != HrLicenceStatus.Approved)
                return HrLicenceStatus switch
                {
                    HrLicenceStatus.None => PublishRefusals.HrLicenceMissing,
                    HrLicenceStatus.Pending => PublishRefusals.HrLicencePending,
                    _ => PublishRefusals.HrLicenceRejected,
                };
            if (HrLicenceValidUntil is { } until && until < DateOnly.FromDateTime(now))
                return PublishRefusals.HrLicenceExpired;
        }
        return null;
    }
}

/// <summary>
/// Why an employer may not publish: the error codes <see cref="Employer.WhyCannotPublish"/> answers, whose messages the
/// application's resources hold.
/// </summary>
public static class PublishRefusals
{
    public const string VerificationPending = "employer.verification_pending";
    public const string VerificationRejected = "employer.verification_rejected";
    public const string Suspended = "employer.suspended";
    public const string VerificationExpired = "employer.verification_expired";
    public const string HrLicenceMissing = "employer.hr_licence_missing";
    public const string HrLicencePending = "employer.hr_licence_pending";
    public const string HrLicenceRejected = "employer.hr_licence_rejected";
    public const string HrLicenceExpired = "employer.hr_licence_expired";
}

/// <summary>The account class of an employer (单位类别).</summary>
public enum AccountClass
{
    SelfRecruiting = 0, // 自主招聘单位
    HrService,          // 人力资源服务机构
    PublicService,      // 公共就业服务机构
}

public enum HrLicenceStatus { None = 0, Pending, Approved, Rejected }

public static class AccountClasses
{
    public static string ChineseName(AccountClass c) => c switch
    {
        AccountClass.HrService => "人力资源服务机构", AccountClass.PublicService => "公共就业服务机构", _ => "自主招聘单位",
    };

    public static string ToFileName(AccountClass c) => c switch
    {
        AccountClass.HrService => "hr_service", AccountClass.PublicService => "public_service", _ => "self_recruiting",
    };

    public static bool TryParse(string? value, out AccountClass c)
    {
        foreach (var candidate in Enum.GetValues<AccountClass>())
            if (string.Equals(ToFileName(candidate), value, StringComparison.Ordinal)) { c = candidate; return true; }
        c = AccountClass.SelfRecruiting;
        return false;
    }

    /// <summary>The class an employer gets when none is given: HR-service agencies are HR-service businesses.</summary>
    public static AccountClass Default(bool isAgency) => isAgency ? AccountClass.HrService : AccountClass.SelfRecruiting;
}

/// <summary>Verification rules: validity period and the name match against the business licence.</summary>
public static class EmployerVerification
{
    /// <summary>A verification is valid for 6 months after approval (每 6 个月复核).</summary>
    public static DateTime ExpiresAfterApproval(DateTime approvedAt) => approvedAt.AddMonths(6);

    /// <summary>Trims and folds full-width brackets and spaces to half-width so 「（青岛）」 and 「(青岛)」 compare equal.</summary>
    public static string NormaliseName(string? name)
    {
        var text = (name ?? "").Trim();
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            folded.Append(c switch { '（' => '(', '）' => ')', '\u3000' => ' ', _ => c });
        return folded.ToString().Trim();
    }

    public static bool NamesMatch(string? licensedName, string? registeredName) =>
        NormaliseName(licensedName).Length > 0 && NormaliseName(licensedName) == NormaliseName(registeredName);
}

/// <summary>The licence file: PDF, JPEG or PNG up to 5 MB, recognised by its content signature, not its name.</summary>
public static class LicenceFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The content type the leading bytes announce, or null for anything else.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf", "image/jpeg" => ".jpg", _ => ".png",
    };
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

public enum VerificationStatus { Pending = 0, Verified, Rejected, Suspended, Expired }

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
