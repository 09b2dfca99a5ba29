using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer …</c> on <c>/api</c>: a personal access token or an access token issued to an OAuth client. The
/// caller acts as the credential's account with only the credential's role, exactly as that user signed in with that one
/// role would; no cookie is involved, so antiforgery does not apply. Pages never read bearer tokens (<see cref="SchemeFor"/>).
/// A token that is not accepted answers 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c>, the same for every reason.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiCredentialService credentials) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    /// <summary>The scheme that picks the cookie or the bearer token per request.</summary>
    public const string Selector = "CookieOrApiToken";
    public const string CredentialClaim = "gongjiang:api_credential";

    /// <summary>Bearer tokens on API routes; the Identity cookie everywhere else (and for API calls without a bearer token).</summary>
    public static string SchemeFor(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") && BearerToken(http.Request) is not null ? SchemeName : IdentityConstants.ApplicationScheme;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { Length: > 0 and <= 2048 } token) return AuthenticateResult.NoResult();
        if (await credentials.AuthenticateAsync(token, Context.RequestAborted) is not { } caller) return AuthenticateResult.Fail("invalid token");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, caller.UserId), new Claim(ClaimTypes.Role, caller.Role), new Claim(CredentialClaim, caller.CredentialId)],
            SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
