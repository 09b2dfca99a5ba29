using Gongjiang.Application.Identity;

namespace Gongjiang.Application.DemoZone;

/// <summary>The demo zone's sign-ins, one per role, printed at start and listed in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "Gongjiang2026";

    public sealed record Account(string UserName, string Role, string DisplayName);

    public static readonly IReadOnlyList<Account> All =
    [
        new("seeker", Roles.Seeker, "演示求职者"),
        new("hr", Roles.EmployerHR, "演示企业HR"),
        new("agency", Roles.Agency, "演示猎头顾问"),
        new("operator", Roles.Operator, "园区运营"),
        new("admin", Roles.Admin, "系统管理员"),
    ];
}
