using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// Declares in the OpenAPI document how a client authenticates: a bearer token (a personal access token, or an access token
/// from the OAuth client-credentials flow at <c>/api/v1/oauth/token</c>), or the browser's sign-in cookie. Either one is
/// enough on every route that needs a signed-in user.
/// </summary>
internal sealed class ApiSecuritySchemes : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string OAuth = "oauth2";
    public const string Cookie = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "A personal access token (gjp_…) an administrator created, or an access token (gjat_…) from the client-credentials flow. "
                + "The caller acts as the token's account with the token's one role.",
        };
        document.Components.SecuritySchemes[OAuth] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth 2 client credentials: exchange the client id and secret for an access token valid for an hour.",
            Flows = new OpenApiOAuthFlows { ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/api/v1/oauth/token", UriKind.Relative), Scopes = new Dictionary<string, string>() } },
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "gongjiang.auth",
            Description = "The session cookie of a user signed in on the site (browser use only).",
        };
        document.Security ??= [];
        foreach (var scheme in new[] { Bearer, OAuth, Cookie })
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
