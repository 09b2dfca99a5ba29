namespace Gongjiang.Application.Identity;

/// <summary>How an API client proves who it is.</summary>
public enum ApiCredentialKind
{
    /// <summary>A personal access token sent as <c>Authorization: Bearer gjp_…</c>.</summary>
    PersonalAccessToken,
    /// <summary>An OAuth 2 client (client id and secret) that exchanges its credentials for short-lived bearer tokens.</summary>
    ClientCredentials,
}

/// <summary>
/// A credential an administrator created for a zone's other systems: it acts as <see cref="UserId"/> with only
/// <see cref="Role"/> (one of the account's roles), until <see cref="ExpiresAt"/> or until revoked. The secret is shown once
/// and stored only as its SHA-256 hash (it is 256 random bits, so a plain hash is enough).
/// </summary>
public sealed class ApiCredential
{
    public string Id { get; set; } = "";
    public ApiCredentialKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsUsable(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
