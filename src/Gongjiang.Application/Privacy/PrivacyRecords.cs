namespace Gongjiang.Application.Privacy;

/// <summary>A seeker's consent to the personal-information processing rules (个人信息处理规则), with the version agreed to.</summary>
public sealed class PrivacyConsent
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    /// <summary>What was consented to: <c>registration</c> for the processing rules at sign-up.</summary>
    public string Purpose { get; set; } = "";
    public DateTime AgreedAt { get; set; }
}

/// <summary>
/// The audit record of an erasure (《个人信息保护法》第四十七条): when, why and how much was removed, under a random
/// reference. It holds no personal data and no link to the person.
/// </summary>
public sealed class ErasureRecord
{
    public long Id { get; set; }
    public string Reference { get; set; } = "";
    /// <summary><c>request</c> (the seeker deleted the account) or <c>retention</c> (the retention period ended).</summary>
    public string Reason { get; set; } = "";
    public DateTime ErasedAt { get; set; }
    public int Users { get; set; }
    public int Profiles { get; set; }
    public int Contacts { get; set; }
    public int Consents { get; set; }
    public int ApplicationsAnonymised { get; set; }
    public int NotesRemoved { get; set; }
    public int OutcomesAnonymised { get; set; }
}

/// <summary>The version of the processing rules shown at /Privacy; a change asks for consent again.</summary>
public static class PrivacyPolicy
{
    public const string Version = "2026-11-01";
    public const string RegistrationPurpose = "registration";
    /// <summary>《劳动法》第十五条、《禁止使用童工规定》第二条: no employment below 16.</summary>
    public const int MinimumAge = 16;

    public const string UnderAgeMessage = "根据《劳动法》第十五条和《禁止使用童工规定》，平台不为未满16周岁的人员提供求职服务。";

    /// <summary>True when someone born in <paramref name="birthYear"/> does not turn 16 in or before <paramref name="year"/>.</summary>
    public static bool IsUnderMinimumAge(int birthYear, int year) => year - birthYear < MinimumAge;
}

/// <summary>
/// The anonymous stand-in an erasure leaves where records kept for others pointed at the erased person: applications and
/// outcomes (a talent id) and complaints (the reporter). A random id with a fixed prefix; it belongs to no account.
/// </summary>
public static class ErasurePlaceholder
{
    public const string Prefix = "ANON-";
    private const int RandomBytes = 8;

    public static string NewId() => Prefix + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True for an id made by <see cref="NewId"/>: the prefix followed by exactly the random part, in upper-case hex.</summary>
    public static bool IsPlaceholder(string? id) =>
        id is not null && id.Length == Prefix.Length + RandomBytes * 2 && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id.AsSpan(Prefix.Length).IndexOfAnyExcept(UpperHex) < 0;

    private static readonly System.Buffers.SearchValues<char> UpperHex = System.Buffers.SearchValues.Create("0123456789ABCDEF");
}
