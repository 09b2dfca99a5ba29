using System.Text.Json.Serialization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// API clients: administrators create personal access tokens and OAuth 2 clients (client credentials) for an account,
/// scoped to one of its roles, and revoke them; an OAuth client exchanges its id and secret for a bearer token at
/// <c>/oauth/token</c>. A bearer token works on every route as that account signed in with that one role would.
/// </summary>
public static class ApiClientsApi
{
    public static RouteGroupBuilder MapApiClientsApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/api-clients").WithTags("API clients").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", List).WithName("ListApiClients").WithSummary("Personal access tokens and OAuth clients, newest first, with their account, role, expiry and last use (never a secret)");
        group.MapPost("/", Create).WithName("CreateApiClient")
            .WithSummary("Create a personal access token (kind personal_token) or an OAuth client (kind client_credentials) for an account (userName), scoped to one of its roles, valid 1–365 days; the secret is in this answer only");
        group.MapPost("/{id}/revoke", Revoke).WithName("RevokeApiClient").WithSummary("Revoke a credential: its token and the access tokens issued to it stop working at once");
        v1.MapPost("/oauth/token", Token).WithTags("API clients").WithName("OAuthToken")
            .WithSummary("OAuth 2 client credentials (form: grant_type=client_credentials, client_id, client_secret, or HTTP Basic): a bearer access token valid for an hour. A wrong id or secret answers 401 invalid_client either way")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        return v1;
    }

    public sealed record CreateRequest(string? Kind, string? Name, string? UserName, string? Role, int? Days);
    public sealed record ApiClientView(string Id, string Kind, string Name, string UserName, string Role, DateTime CreatedAt, DateTime ExpiresAt,
        DateTime? RevokedAt, DateTime? LastUsedAt);
    /// <param name="Secret">The personal access token (<c>gjp_…</c>), or the OAuth client's secret (its id is <c>id</c>): shown this once.</param>
    public sealed record CreatedView(ApiClientView Client, string Secret);
    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private static ApiClientView ToView(ApiCredentialRow r) => new(r.Id, r.Kind, r.Name, r.UserName, r.Role, r.CreatedAt, r.ExpiresAt, r.RevokedAt, r.LastUsedAt);

    private static async Task<Results<Ok<List<ApiClientView>>, ProblemHttpResult>> List(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListApiCredentials.Query(), ct)).ToHttp(l => l.Select(ToView).ToList());

    private static async Task<Results<Created<CreatedView>, ProblemHttpResult>> Create(CreateRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new CreateApiCredential.Command(body.Kind, body.Name, body.UserName, body.Role, body.Days), ct))
            .ToCreated(_ => "/api/v1/api-clients", c => new CreatedView(ToView(c.Credential), c.Secret));

    private static async Task<Results<Ok<ApiClientView>, ProblemHttpResult>> Revoke(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RevokeApiCredential.Command(id), ct)).ToHttp(ToView);

    /// <summary>RFC 6749 §4.4: the answer is the token response; errors are problem details that carry the OAuth <c>error</c> too.</summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Token(HttpRequest request, IUseCases useCases, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        string? clientId = form?["client_id"], clientSecret = form?["client_secret"];
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                if (pair.Length == 2) (clientId, clientSecret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
            }
            catch (FormatException) { clientId = clientSecret = null; }
        }
        var issued = await useCases.RunAsync(new IssueClientToken.Command(form?["grant_type"], clientId, clientSecret), ct);
        if (issued.Succeeded) return TypedResults.Ok(new TokenResponse(issued.Value.AccessToken, "Bearer", issued.Value.ExpiresIn));
        var invalidClient = issued.HasError(ApiClientErrors.InvalidClient);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = invalidClient ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest,
            Title = invalidClient ? "未授权 / Unauthorized" : "请求有误 / Bad request",
            Detail = ErrorText.For(issued.Errors[0]),
            Extensions = { ["code"] = issued.Errors[0].Code, ["error"] = invalidClient ? "invalid_client" : "unsupported_grant_type" },
        });
    }
}
