using System.Security.Cryptography;
using Scalar.AspNetCore;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// The interactive API reference at <c>/api/docs</c> (Scalar): its script is served from the package itself, fonts, telemetry
/// and the hosted agent are off, so the page makes no request to another host. It reads <c>/api/v1/openapi.json</c>.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";
    private const string NonceKey = "gongjiang.api-docs-nonce";

    /// <summary>The request's script nonce, made on first use.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, (options, http) => options
            .WithTitle("工匠 Gongjiang API")
            .WithOpenApiRoutePattern("/api/{documentName}/openapi.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .WithNonce(Nonce(http))
            .AddPreferredSecuritySchemes(ApiSecuritySchemes.Bearer))
            .AllowAnonymous();
        return app;
    }
}
