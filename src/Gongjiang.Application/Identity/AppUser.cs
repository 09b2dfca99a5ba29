using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Application.Identity;

/// <summary>A person who signs in. An HR user belongs to an employer; a seeker owns a talent profile.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? EmployerId { get; set; }
    public string? TalentId { get; set; }
    /// <summary>PIPL art. 24: the user asked for recommendations that do not use their personal characteristics.</summary>
    public bool NonPersonalizedRecommendations { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Blind index of <see cref="IdentityUser.PhoneNumber"/> (sealed at rest), filled on every save.</summary>
    public string? PhoneIndex { get; set; }
    /// <summary>The employer's administrator: registered the company, invites and removes its other HR users.</summary>
    public bool IsEmployerAdmin { get; set; }
    /// <summary>When an administrator disabled the account (停用); it cannot sign in until enabled again. Its history stays.</summary>
    public DateTime? DisabledAt { get; set; }
    /// <summary>The employer an administrator removed this HR user from: the account no longer acts for it; its history stays.</summary>
    public string? FormerEmployerId { get; set; }
    public DateTime? LeftEmployerAt { get; set; }
}

/// <summary>The platform's roles.</summary>
public static class Roles
{
    public const string Seeker = "Seeker";          // 求职者
    public const string EmployerHR = "EmployerHR";  // 企业HR
    public const string Agency = "Agency";          // 人力资源服务机构/猎头
    public const string Operator = "Operator";      // 园区/人社部门运营
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Seeker, EmployerHR, Agency, Operator, Admin];
}
