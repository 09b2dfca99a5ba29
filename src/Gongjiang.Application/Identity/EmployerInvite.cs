namespace Gongjiang.Application.Identity;

/// <summary>
/// An employer's administrator invites a further HR user of the company by mobile number (and optionally e-mail): an SMS
/// carries a link with a one-time token (stored only as its hash); the invitee signs up through it with an SMS code to the
/// same number and becomes HR of that employer. Used once; expires after <see cref="Lifetime"/>; the administrators can
/// withdraw it.
/// </summary>
public sealed class EmployerInvite
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public string Id { get; set; } = "";
    public string EmployerId { get; set; } = "";
    /// <summary>SHA-256 of the token in the link, hex.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>The invitee's mobile number (sealed at rest).</summary>
    public string Phone { get; set; } = "";
    /// <summary>Blind index of <see cref="Phone"/>.</summary>
    public string? PhoneIndex { get; set; }
    public string? Email { get; set; }
    public string InvitedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedUserId { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && WithdrawnAt is null && ExpiresAt > now;
}
