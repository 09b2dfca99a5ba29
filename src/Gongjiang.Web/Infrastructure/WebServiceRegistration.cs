using System.Globalization;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Gongjiang.Web.Infrastructure;

public static class WebServiceRegistration
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    private static readonly string[] SearchPages = ["/Jobs/Index", "/Employer/Talent/Index"];
    private static readonly string[] ImportPages = ["/Employer/Import", "/Operator/Import"];

    public static IServiceCollection AddGongjiangWeb(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        // The keys that sign sign-in cookies and form tokens are kept in the database: every node accepts what another
        // issued, and a node that restarts (or a new container) signs nobody out.
        services.AddDataProtection().SetApplicationName("Gongjiang").PersistKeysToDbContext<AppDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "gongjiang.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            // The API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });
        // API clients: bearer tokens on /api only (personal access tokens and OAuth client credentials); the cookie elsewhere.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = ApiTokenAuthenticationHandler.Selector;
                o.DefaultAuthenticateScheme = ApiTokenAuthenticationHandler.Selector;
                o.DefaultChallengeScheme = ApiTokenAuthenticationHandler.Selector;
                o.DefaultForbidScheme = ApiTokenAuthenticationHandler.Selector;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiTokenAuthenticationHandler.Selector, null, o => o.ForwardDefaultSelector = ApiTokenAuthenticationHandler.SchemeFor);
        // Sessions check the account's security stamp every minute: a disabled account or changed roles take effect soon.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Seeker", Policies.Seeker);
                o.Conventions.AuthorizeFolder("/Employer", Policies.Employer);
                o.Conventions.AuthorizeFolder("/Agency", Policies.Employer);
                o.Conventions.AuthorizeFolder("/Operator", Policies.Operator);
                o.Conventions.ConfigureFilter(new PageHandlerGuard());
                // The search pages share the API's search budget.
                foreach (var page in SearchPages)
                    o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.Search)));
                // The import pages' posts (upload, confirm) share the API's upload budget.
                foreach (var page in ImportPages)
                    o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.Uploads)));
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Seeker, p => p.RequireRole(Roles.Seeker))
            .AddPolicy(Policies.Employer, p => p.RequireRole(Roles.EmployerHR, Roles.Agency))
            .AddPolicy(Policies.Operator, p => p.RequireRole(Roles.Operator, Roles.Admin));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Pages follow the language the user picked (query or cookie; Chinese otherwise); API clients may also ask by Accept-Language.
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(http => http.Request.Path.StartsWithSegments("/api")
                    ? acceptLanguage.DetermineProviderCultureResult(http) : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });

        // The matching index is built at start, not on the first recommendation.
        Gongjiang.Application.Matching.MatchingRegistration.AddMatchingWarmup(services);
        services.AddHostedService<Gongjiang.Application.Compliance.ScreeningPolicyWarmup>();
        // Retention of personal information: daily, settings under "Retention" (InactiveSeekerYears, ClosedApplicationNoteMonths).
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Retention").Get<Gongjiang.Application.Privacy.RetentionOptions>()
            ?? new Gongjiang.Application.Privacy.RetentionOptions());
        // Outbox sending, the expiry of offers and invitations, retention and re-verification: one scheduler, a task each.
        Gongjiang.Application.Common.PeriodicTaskRegistration.AddGongjiangBackgroundTasks(services);
        // Pages are Chinese: write their text as characters, not as numeric character references (HTML stays encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        Hubs.HubRegistration.AddGongjiangHubs(services);
        services.AddScoped<Gongjiang.Application.Common.ICurrentUser, HttpCurrentUser>();
        services.AddProblemDetails();
        services.AddGongjiangRateLimits();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Bad input always surfaces as an exception so the handler above answers it the same way in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddOperationTransformer<QueryParameterDocs>().AddDocumentTransformer<ApiSecuritySchemes>());
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        return services;
    }

    public static WebApplication UseGongjiangWeb(this WebApplication app)
    {
        app.UseGongjiangClientIdentity();
        // Browsers get the status page in the site's layout; API clients get problem details.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/Status/500");
            pages.UseStatusCodePagesWithReExecute("/Status/{0}");
        });
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // The API reference page (/api/docs) starts its bundled script with one inline script, allowed by a nonce.
            var script = ctx.Request.Path.StartsWithSegments(ApiDocs.Path) ? $"'self' 'nonce-{ApiDocs.Nonce(ctx)}'" : "'self'";
            h["Content-Security-Policy"] = $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src {script}; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseApiNotFoundProblemDetails();
        app.UseApiRequestBodyLimits();
        app.UseSameOriginApiWrites();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapApiDocs();
        app.MapRazorPages();
        app.MapGongjiangApi();
        Hubs.HubRegistration.MapGongjiangHubs(app);
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Seeker = "seeker";
    public const string Employer = "employer";
    public const string Operator = "operator";
}

/// <summary>Marker for the shared UI string resources (Resources/SharedResource.en.resx); keys are the zh-CN text.</summary>
public sealed class SharedResource;
