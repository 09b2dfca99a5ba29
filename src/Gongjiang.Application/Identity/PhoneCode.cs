namespace Gongjiang.Application.Identity;

/// <summary>What a one-time code sent to a phone lets its holder do.</summary>
public enum PhoneCodePurpose
{
    /// <summary>Sign up with this number, or claim the imported profile that holds it.</summary>
    Register,
    /// <summary>Sign in without the password.</summary>
    SignIn,
    /// <summary>Set a new password (忘记密码).</summary>
    ResetPassword,
    /// <summary>Move the signed-in account to this new number.</summary>
    ChangePhone,
}

/// <summary>
/// One request for a code to a phone number. The number is kept only as its blind index and the code only as a keyed
/// hash. A request that sent no code (the number cannot be used for the purpose, which the answer does not reveal) is
/// recorded too, without a hash, so that it counts against the same limits. Single use: <see cref="UsedAt"/> is set
/// once, by the first right answer or by too many wrong ones.
/// </summary>
public sealed class PhoneCode
{
    public long Id { get; set; }
    public string PhoneIndex { get; set; } = "";
    public PhoneCodePurpose Purpose { get; set; }
    /// <summary>Null when no code was sent.</summary>
    public string? CodeHash { get; set; }
    /// <summary>Keyed hash of the requesting client's address, for the per-address limit.</summary>
    public string? AddressIndex { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public int FailedAttempts { get; set; }
}

/// <summary>Limits of one-time codes (the <c>PhoneCodes</c> configuration section).</summary>
public sealed class PhoneCodeOptions
{
    /// <summary>How long a code can be used.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>At most one request per number in this time.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(60);
    public int PerPhonePerHour { get; set; } = 5;
    /// <summary>Generous: a fair's venue Wi-Fi puts many people signing up behind one address.</summary>
    public int PerAddressPerHour { get; set; } = 300;
    /// <summary>Wrong answers after which a code is spent.</summary>
    public int MaxAttempts { get; set; } = 5;
}
