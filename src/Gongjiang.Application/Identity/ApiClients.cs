using System.Security.Cryptography;
using System.Text;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>An API credential as the administrators' list shows it: never its secret.</summary>
public sealed record ApiCredentialRow(string Id, string Kind, string Name, string UserId, string UserName, string Role, DateTime CreatedAt,
    DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>A credential just created, with its secret, shown this once: the token (personal) or the client id and secret.</summary>
public sealed record ApiCredentialCreated(ApiCredentialRow Credential, string Secret);

/// <summary>Who an accepted bearer token acts as: the account, with only the credential's role.</summary>
public sealed record ApiCaller(string UserId, string Role, string CredentialId);

/// <summary>An access token issued to an OAuth client (client credentials).</summary>
public sealed record IssuedAccessToken(string AccessToken, int ExpiresIn);

/// <summary>
/// API credentials for a zone's other systems: personal access tokens (<c>gjp_{id}_{secret}</c>) and OAuth 2 clients whose
/// id and secret are exchanged for access tokens (<c>gjat_…</c>, sealed with the app's data-protection keys, valid for
/// <see cref="AccessTokenLifetime"/>). Secrets are 256 random bits kept only as SHA-256 hashes and compared in constant
/// time; every check that fails answers the same (null), so a caller learns nothing about which part was wrong.
/// </summary>
public sealed class ApiCredentialService(AppDbContext db, UserManager<AppUser> users, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string PersonalTokenPrefix = "gjp_";
    public const string AccessTokenPrefix = "gjat_";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    /// <summary>The last-used time is written at most this often per credential.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Gongjiang.Api.AccessToken.v1").ToTimeLimitedDataProtector();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool SecretMatches(ApiCredential credential, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(credential.SecretHash), Encoding.ASCII.GetBytes(Hash(secret)));

    /// <summary>The caller a bearer token stands for, or null when it is not one (unknown, wrong, revoked, expired, or its account cannot act).</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string token, CancellationToken ct)
    {
        ApiCredential? credential;
        if (token.StartsWith(PersonalTokenPrefix, StringComparison.Ordinal))
        {
            var parts = token[PersonalTokenPrefix.Length..].Split('_', 2);
            if (parts.Length != 2) return null;
            credential = await db.ApiCredentials.FirstOrDefaultAsync(c => c.Id == parts[0] && c.Kind == ApiCredentialKind.PersonalAccessToken, ct);
            if (credential is null || !SecretMatches(credential, parts[1])) return null;
        }
        else if (token.StartsWith(AccessTokenPrefix, StringComparison.Ordinal))
        {
            string id;
            try { id = Protector.Unprotect(token[AccessTokenPrefix.Length..], out _); }
            catch (CryptographicException) { return null; } // tampered, foreign or expired
            credential = await db.ApiCredentials.FirstOrDefaultAsync(c => c.Id == id && c.Kind == ApiCredentialKind.ClientCredentials, ct);
            if (credential is null) return null;
        }
        else return null;
        return await CallerAsync(credential, ct);
    }

    /// <summary>OAuth 2 client credentials: an access token for a known, usable client with its right secret; null otherwise.</summary>
    public async Task<IssuedAccessToken?> IssueAccessTokenAsync(string? clientId, string? clientSecret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret) || clientId.Length > 40) return null;
        var credential = await db.ApiCredentials.FirstOrDefaultAsync(c => c.Id == clientId && c.Kind == ApiCredentialKind.ClientCredentials, ct);
        if (credential is null || !SecretMatches(credential, clientSecret) || await CallerAsync(credential, ct) is null) return null;
        var lifetime = credential.ExpiresAt - Now < AccessTokenLifetime ? credential.ExpiresAt - Now : AccessTokenLifetime;
        var token = AccessTokenPrefix + Protector.Protect(credential.Id, clock.GetUtcNow() + lifetime);
        return new IssuedAccessToken(token, (int)lifetime.TotalSeconds);
    }

    private async Task<ApiCaller?> CallerAsync(ApiCredential credential, CancellationToken ct)
    {
        var now = Now;
        if (!credential.IsUsable(now)) return null;
        var user = await users.FindByIdAsync(credential.UserId);
        if (user is null || user.DisabledAt is not null || !await users.IsInRoleAsync(user, credential.Role)) return null;
        if (credential.LastUsedAt is not { } last || now - last >= LastUsedResolution)
            await db.ApiCredentials.Where(c => c.Id == credential.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), ct);
        return new ApiCaller(user.Id, credential.Role, credential.Id);
    }
}

/// <summary>API clients (administrators): the credentials, newest first, with their account, role, expiry and last use.</summary>
public static class ListApiCredentials
{
    public sealed record Query : IUseCase<IReadOnlyList<ApiCredentialRow>>;

    public sealed class Handler(AppDbContext db, UserAdministration admin) : IUseCaseHandler<Query, IReadOnlyList<ApiCredentialRow>>
    {
        public async Task<Result<IReadOnlyList<ApiCredentialRow>>> HandleAsync(Query query, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<IReadOnlyList<ApiCredentialRow>>();
            var rows = await (from c in db.ApiCredentials.AsNoTracking()
                              join u in db.Users on c.UserId equals u.Id
                              orderby c.CreatedAt descending
                              select new { c, u.UserName }).ToListAsync(ct);
            return rows.Select(r => ApiCredentialRows.Of(r.c, r.UserName ?? "")).ToList();
        }
    }
}

public static class ApiCredentialRows
{
    public static string KindName(ApiCredentialKind kind) => kind == ApiCredentialKind.PersonalAccessToken ? "personal_token" : "client_credentials";

    public static ApiCredentialRow Of(ApiCredential c, string userName) =>
        new(c.Id, KindName(c.Kind), c.Name, c.UserId, userName, c.Role, c.CreatedAt, c.ExpiresAt, c.RevokedAt, c.LastUsedAt);
}

/// <summary>
/// An administrator creates a credential for an account (by user name), scoped to one of its roles, valid for 1 to 365
/// days: a personal access token, or an OAuth client (client id and secret). The secret is answered this once; only its
/// hash is kept. Logged in the service log.
/// </summary>
public static class CreateApiCredential
{
    /// <param name="Kind"><c>personal_token</c> or <c>client_credentials</c>.</param>
    public sealed record Command(string? Kind, string? Name, string? UserName, string? Role, int? Days) : IUseCase<ApiCredentialCreated>;

    public const int MaxDays = 365;

    public sealed class Handler(AppDbContext db, UserAdministration admin, TimeProvider clock) : IUseCaseHandler<Command, ApiCredentialCreated>
    {
        public async Task<Result<ApiCredentialCreated>> HandleAsync(Command command, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<ApiCredentialCreated>();
            var errors = new ErrorList();
            ApiCredentialKind? kind = command.Kind switch
            {
                "personal_token" => ApiCredentialKind.PersonalAccessToken, "client_credentials" => ApiCredentialKind.ClientCredentials, _ => null,
            };
            var name = command.Name?.Trim() ?? "";
            if (kind is null) errors.Add("kind", ApiClientErrors.UnknownKind);
            if (name.Length is 0 or > 100) errors.Add("name", ApiClientErrors.Name);
            if (command.Days is not (>= 1 and <= MaxDays)) errors.Add("days", ApiClientErrors.Days, MaxDays);
            if (command.Role is not { } role || !Roles.All.Contains(role)) errors.Add("role", UserErrors.UnknownRole);
            if (!errors.IsEmpty) return errors;
            var user = await admin.Users.FindByNameAsync(command.UserName?.Trim() ?? "");
            if (user is null) return Error.Invalid("userName", ApiClientErrors.UnknownUser);
            if (!await admin.Users.IsInRoleAsync(user, command.Role!)) return Error.Invalid("role", ApiClientErrors.RoleNotHeld);
            if (user.DisabledAt is not null) return Error.Refused(ApiClientErrors.UserDisabled);

            var now = admin.Now.UtcDateTime;
            var secret = ApiCredentialService.NewSecret();
            var credential = new ApiCredential
            {
                Id = EntityId.New('K', clock), Kind = kind!.Value, Name = name, UserId = user.Id, Role = command.Role!, SecretHash = ApiCredentialService.Hash(secret),
                CreatedAt = now, CreatedByUserId = acting.Value.UserId, ExpiresAt = now.AddDays(command.Days!.Value),
            };
            db.ApiCredentials.Add(credential);
            admin.Log.Write(acting.Value.UserId, ServiceActions.ApiTokenCreated, ServiceTargets.ApiClient, credential.Id,
                $"{ApiCredentialRows.KindName(credential.Kind)} {user.UserName} {credential.Role}");
            await db.SaveChangesAsync(ct);
            var shown = credential.Kind == ApiCredentialKind.PersonalAccessToken ? $"{ApiCredentialService.PersonalTokenPrefix}{credential.Id}_{secret}" : secret;
            return new ApiCredentialCreated(ApiCredentialRows.Of(credential, user.UserName ?? ""), shown);
        }
    }
}

/// <summary>An administrator revokes a credential: its token, and every access token issued to the client, stop working at once.</summary>
public static class RevokeApiCredential
{
    public sealed record Command(string Id) : IUseCase<ApiCredentialRow>;

    public sealed class Handler(AppDbContext db, UserAdministration admin) : IUseCaseHandler<Command, ApiCredentialRow>
    {
        public async Task<Result<ApiCredentialRow>> HandleAsync(Command command, CancellationToken ct)
        {
            var acting = await admin.AdminAsync(ct);
            if (!acting.Succeeded) return acting.Cast<ApiCredentialRow>();
            var credential = await db.ApiCredentials.FirstOrDefaultAsync(c => c.Id == command.Id, ct);
            if (credential is null) return Error.NotFound(ApiClientErrors.NotFound);
            if (credential.RevokedAt is null)
            {
                credential.RevokedAt = admin.Now.UtcDateTime;
                admin.Log.Write(acting.Value.UserId, ServiceActions.ApiTokenRevoked, ServiceTargets.ApiClient, credential.Id);
                await db.SaveChangesAsync(ct);
            }
            var userName = await db.Users.Where(u => u.Id == credential.UserId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            return ApiCredentialRows.Of(credential, userName ?? "");
        }
    }
}

/// <summary>
/// OAuth 2 client credentials (RFC 6749 §4.4): <c>grant_type=client_credentials</c> with the client's id and secret gives a
/// bearer access token. A wrong id, a wrong secret, a revoked or expired client all answer the same
/// <see cref="ApiClientErrors.InvalidClient"/>, so nothing tells which part was wrong.
/// </summary>
public static class IssueClientToken
{
    public sealed record Command(string? GrantType, string? ClientId, string? ClientSecret) : IUseCase<IssuedAccessToken>;

    public sealed class Handler(ApiCredentialService credentials) : IUseCaseHandler<Command, IssuedAccessToken>
    {
        public async Task<Result<IssuedAccessToken>> HandleAsync(Command command, CancellationToken ct)
        {
            if (command.GrantType != "client_credentials") return Error.Invalid("grant_type", ApiClientErrors.UnsupportedGrant);
            return await credentials.IssueAccessTokenAsync(command.ClientId, command.ClientSecret, ct) is { } issued
                ? issued : Error.Forbidden(ApiClientErrors.InvalidClient);
        }
    }
}

/// <summary>Codes of the API-client errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class ApiClientErrors
{
    public const string UnknownKind = "api_client.unknown_kind";
    public const string Name = "api_client.name";
    public const string Days = "api_client.days";
    public const string UnknownUser = "api_client.unknown_user";
    public const string RoleNotHeld = "api_client.role_not_held";
    public const string UserDisabled = "api_client.user_disabled";
    public const string NotFound = "api_client.not_found";
    public const string UnsupportedGrant = "api_client.unsupported_grant";
    public const string InvalidClient = "api_client.invalid_client";
}
