using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>Which roles may call a route. <c>null</c> roles: anyone, also without signing in.</summary>
public sealed record Access(string[]? Roles)
{
    public static readonly Access Public = new((string[]?)null);
    public static readonly Access SignedIn = new(Gongjiang.Application.Identity.Roles.All.ToArray());
    public static readonly Access Seeker = new([Gongjiang.Application.Identity.Roles.Seeker]);
    public static readonly Access Employer = new([Gongjiang.Application.Identity.Roles.EmployerHR, Gongjiang.Application.Identity.Roles.Agency]);
    public static readonly Access Operator = new([Gongjiang.Application.Identity.Roles.Operator, Gongjiang.Application.Identity.Roles.Admin]);
}

/// <summary>
/// Which sides of the platform are owner-checked on a route: within such a side only the record's owner gets through,
/// everyone else gets 404 (the record's existence is not disclosed). Operators own no record, so an owner-checked
/// operator side means operators always get 404.
/// </summary>
[Flags]
public enum Owned { No = 0, Seekers = 1, Employers = 2, Operators = 4 }

/// <summary>One API route's policy; <c>Body</c> is a valid request body, so a refusal is the policy's and not validation's.</summary>
public sealed record ApiRule(string Method, string Pattern, Access Access, Owned Owned = Owned.No, string? Body = null)
{
    public string Key => $"{Method} {Pattern}";
}

/// <summary>One page's policy; <c>Query</c> is appended to the page's path (e.g. which record it edits).</summary>
public sealed record PageRule(string Page, Access Access, Owned Owned = Owned.No, string Query = "");

/// <summary>
/// The access-control matrix: every API route and every page the app maps (read from its EndpointDataSource, so
/// routes added later are covered or fail the test by name), called by every kind of user.
/// </summary>
public sealed class AccessMatrixTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private const string JobBody = """{"title":"数控车工","occupation_code":"6-18-01-01","min_grade":4,"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"expires_at":"2027-06-30","description":"操作数控车床加工轴类零件。"}""";
    private static readonly string InterviewBody = $$"""{"startsAt":"{{DateTime.UtcNow.AddDays(3):yyyy-MM-ddTHH:mm:ssZ}}","place":"黄岛区海卓厂区二号楼"}""";
    private static readonly string OfferBody = $$"""{"monthlyPay":9000,"startDate":"{{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20):yyyy-MM-dd}}","place":"青岛黄岛区","expiresOn":"{{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7):yyyy-MM-dd}}"}""";

    /// <summary>THE API POLICY. A route the app maps that is missing here fails the test with its method and pattern.</summary>
    public static readonly ApiRule[] ApiPolicy =
    [
        new("GET", "/api/{documentName}/openapi.json", Access.Public),
        new("GET", "/api/v1/jobs/", Access.Public),
        new("GET", "/api/v1/jobs/{id}", Access.Public),
        new("POST", "/api/v1/jobs/", Access.Employer, Body: JobBody),
        new("PUT", "/api/v1/jobs/{id}", Access.Employer, Owned.Employers, JobBody),
        new("POST", "/api/v1/jobs/{id}/publish", Access.Employer, Owned.Employers),
        new("GET", "/api/v1/employers/", Access.Public),
        new("GET", "/api/v1/employers/{id}", Access.Public),
        new("POST", "/api/v1/employers/{id}/verification", Access.Operator, Body: """{"approve":true}"""),
        new("GET", "/api/v1/employers/verification/due", Access.Operator),
        new("POST", "/api/v1/employers/{id}/verification/request", Access.Employer, Owned.Employers, """{"licensedName":"青岛海卓精密机械有限公司"}"""),
        new("POST", "/api/v1/employers/{id}/licence", Access.Employer, Owned.Employers),
        new("POST", "/api/v1/employers/{id}/licence/decision", Access.Operator, Body: """{"approve":true}"""),
        new("GET", "/api/v1/talent/me", Access.Seeker),
        new("PUT", "/api/v1/talent/me", Access.Seeker, Body: """{"id":"ignored","name":"求职者","phone":"13700000000","city":"370211","skills":["钳工"]}"""),
        new("GET", "/api/v1/talent/{id}", Access.SignedIn, Owned.Seekers),
        new("GET", "/api/v1/taxonomy/occupations", Access.Public),
        new("GET", "/api/v1/taxonomy/occupations/{code}", Access.Public),
        new("GET", "/api/v1/jobs/{id}/recommended-talent", Access.Employer, Owned.Employers),
        new("GET", "/api/v1/talent/me/recommended-jobs", Access.Seeker),
        new("GET", "/api/v1/me/personalization", Access.SignedIn),
        new("PUT", "/api/v1/me/personalization", Access.SignedIn, Body: """{"enabled":true}"""),
        new("POST", "/api/v1/jobs/{id}/applications", Access.Seeker),
        new("GET", "/api/v1/jobs/{id}/applications", Access.Employer, Owned.Employers),
        new("GET", "/api/v1/me/applications", Access.Seeker),
        new("GET", "/api/v1/applications/{id}/", Access.SignedIn, Owned.Seekers | Owned.Employers | Owned.Operators),
        new("POST", "/api/v1/applications/{id}/withdraw", Access.Seeker, Owned.Seekers, """{"reason":"已入职其他单位"}"""),
        new("POST", "/api/v1/applications/{id}/stage", Access.Employer, Owned.Employers, """{"to":"screening"}"""),
        new("POST", "/api/v1/applications/{id}/reject", Access.Employer, Owned.Employers, """{"confirm":true,"reason":"暂无匹配班次"}"""),
        new("POST", "/api/v1/applications/{id}/interviews", Access.Employer, Owned.Employers, InterviewBody),
        new("PUT", "/api/v1/applications/{id}/interviews/{interviewId}", Access.Employer, Owned.Employers, InterviewBody),
        new("POST", "/api/v1/applications/{id}/interviews/{interviewId}/cancel", Access.Employer, Owned.Employers),
        new("POST", "/api/v1/applications/{id}/interviews/{interviewId}/done", Access.Employer, Owned.Employers),
        new("POST", "/api/v1/applications/{id}/interviews/{interviewId}/scorecards", Access.Employer, Owned.Employers, """{"score":4,"notes":"看图熟练"}"""),
        new("POST", "/api/v1/applications/{id}/offer", Access.Employer, Owned.Employers, OfferBody),
        new("POST", "/api/v1/applications/{id}/offer/accept", Access.Seeker, Owned.Seekers),
        new("POST", "/api/v1/applications/{id}/offer/decline", Access.Seeker, Owned.Seekers),
        new("POST", "/api/v1/applications/{id}/sign", Access.Employer, Owned.Employers),
    ];

    /// <summary>THE PAGE POLICY, by page path. A page the app maps that is missing here fails the test by name.</summary>
    public static readonly PageRule[] PagePolicy =
    [
        new("/Index", Access.Public),
        new("/Culture", Access.Public, Query: "?culture=en&returnUrl=/"),
        new("/Jobs/Index", Access.Public),
        new("/Jobs/Detail", Access.Public),
        new("/Taxonomy/Index", Access.Public),
        new("/Account/Login", Access.Public),
        new("/Account/Logout", Access.Public),
        new("/Account/Denied", Access.Public),
        new("/Seeker/Profile", Access.Seeker),
        new("/Seeker/Recommendations", Access.Seeker),
        new("/Seeker/Applications", Access.Seeker),
        new("/Employer/Company", Access.Employer),
        new("/Employer/Jobs/Index", Access.Employer),
        new("/Employer/Jobs/Edit", Access.Employer, Owned.Employers, "?id={job}"),
        new("/Employer/Jobs/Board", Access.Employer, Owned.Employers),
        new("/Employer/Jobs/Recommendations", Access.Employer, Owned.Employers),
        new("/Operator/Index", Access.Operator),
        new("/Operator/Employers", Access.Operator),
        new("/Operator/Fairness", Access.Operator),
    ];

    /// <summary>Everyone who calls: the owners of the test records (hr1, seeker1) and everyone else.</summary>
    public static readonly Actor[] Actors =
    [
        new("anonymous", null, IsOwner: false),
        new("seeker1", Roles.Seeker, IsOwner: true),
        new("seeker2", Roles.Seeker, IsOwner: false),
        new("hr1", Roles.EmployerHR, IsOwner: true),
        new("hr2", Roles.EmployerHR, IsOwner: false),
        new("agency1", Roles.Agency, IsOwner: false),
        new("operator1", Roles.Operator, IsOwner: false),
        new("admin1", Roles.Admin, IsOwner: false),
    ];

    public sealed record Actor(string Name, string? Role, bool IsOwner)
    {
        public Owned Side => Role switch
        {
            Roles.Seeker => Owned.Seekers,
            Roles.EmployerHR or Roles.Agency => Owned.Employers,
            Roles.Operator or Roles.Admin => Owned.Operators,
            _ => Owned.No,
        };
    }

    public enum Outcome { Allowed, Unauthorized, Forbidden, NotFound }

    public static Outcome Expected(Access access, Owned owned, Actor actor)
    {
        if (access.Roles is null) return Outcome.Allowed;
        if (actor.Role is null) return Outcome.Unauthorized;
        if (!access.Roles.Contains(actor.Role)) return Outcome.Forbidden;
        if ((owned & actor.Side) != 0 && !actor.IsOwner) return Outcome.NotFound;
        return Outcome.Allowed;
    }

    [Fact]
    public async Task Every_api_route_answers_every_kind_of_user_as_its_policy_says()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var routes = ApiRoutesOf(factory);
        var policy = ApiPolicy.ToDictionary(r => r.Key);
        var missing = routes.Where(r => !policy.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "API routes without an entry in AccessMatrixTests.ApiPolicy (add one per route): " + string.Join(", ", missing));
        var stale = policy.Keys.Except(routes).ToList();
        Assert.True(stale.Count == 0, "AccessMatrixTests.ApiPolicy names routes the app no longer maps: " + string.Join(", ", stale));

        var failures = new List<string>();
        var calls = 0;
        // Everyone but the owners first, then the owners (whose calls change state): reads before writes.
        var order = Actors.OrderBy(a => a.IsOwner).ToArray();
        var rules = ApiPolicy.OrderBy(r => r.Method == "GET" ? 0 : 1).ToArray();
        foreach (var actor in order)
        foreach (var rule in rules)
        {
            var client = cast.Clients[actor.Name];
            var path = cast.Fill(rule.Pattern);
            using var request = new HttpRequestMessage(new HttpMethod(rule.Method), path);
            if (rule.Method != "GET") request.Content = new StringContent(rule.Body ?? "{}", Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            calls++;
            var expected = Expected(rule.Access, rule.Owned, actor);
            var status = (int)response.StatusCode;
            var ok = expected switch
            {
                Outcome.Unauthorized => status == 401,
                Outcome.Forbidden => status == 403,
                Outcome.NotFound => status == 404,
                _ => status is not (401 or 403) && status < 500 && (rule.Method != "GET" || status == 200),
            };
            if (!ok) failures.Add($"{actor.Name} {rule.Method} {path}: expected {expected}, got {status} {Trim(body)}");
            if (actor.Name != "seeker1" && body.Contains(SecurityCast.OwnerPhone))
                failures.Add($"{actor.Name} {rule.Method} {path}: the response carries seeker1's phone number");
        }
        output.WriteLine($"API access matrix: {ApiPolicy.Length} routes × {Actors.Length} actors = {calls} calls");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_answers_every_kind_of_user_as_its_policy_says()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = PagesOf(factory);
        var policy = PagePolicy.ToDictionary(p => p.Page);
        var missing = pages.Keys.Where(p => !policy.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Pages without an entry in AccessMatrixTests.PagePolicy (add one per page): " + string.Join(", ", missing));
        var stale = policy.Keys.Except(pages.Keys).ToList();
        Assert.True(stale.Count == 0, "AccessMatrixTests.PagePolicy names pages the app no longer has: " + string.Join(", ", stale));

        var failures = new List<string>();
        var calls = 0;
        foreach (var actor in Actors)
        foreach (var rule in PagePolicy)
        {
            var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
            var response = await cast.Clients[actor.Name].GetAsync(path);
            calls++;
            var expected = Expected(rule.Access, rule.Owned, actor);
            var location = response.Headers.Location?.OriginalString ?? "";
            var status = (int)response.StatusCode;
            var ok = expected switch
            {
                Outcome.Unauthorized => status == 302 && location.Contains("/Account/Login"),
                Outcome.Forbidden => status == 302 && location.Contains("/Account/Denied"),
                Outcome.NotFound => status == 404,
                _ => status is 200 or 302 && !location.Contains("/Account/Login") && !location.Contains("/Account/Denied"),
            };
            if (!ok) failures.Add($"{actor.Name} GET {path}: expected {expected}, got {status} {location}");
            if (actor.Name != "seeker1" && (await response.Content.ReadAsStringAsync()).Contains(SecurityCast.OwnerPhone))
                failures.Add($"{actor.Name} GET {path}: the page shows seeker1's phone number");
        }
        output.WriteLine($"Page access matrix: {PagePolicy.Length} pages × {Actors.Length} actors = {calls} calls");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_post_form_on_every_page_carries_the_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = PagesOf(factory);
        var forms = 0;
        var failures = new List<string>();
        foreach (var rule in PagePolicy)
        {
            // Each page as a user it is meant for (the owner where it is owner-checked).
            var actor = Actors.FirstOrDefault(a => Expected(rule.Access, rule.Owned, a) == Outcome.Allowed && a.Role is not null && (a.IsOwner || rule.Owned == Owned.No));
            if (actor is null) continue;
            var client = cast.Clients[actor.Name];
            var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
            if (rule.Page == "/Account/Logout" || rule.Page == "/Culture") continue; // redirect only, no page of their own
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{actor.Name} GET {path}: {response.StatusCode}"); continue; }
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in Regex.Matches(html, "<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase))
            {
                if (!Regex.IsMatch(form.Groups[1].Value, "method=\"post\"", RegexOptions.IgnoreCase)) continue;
                forms++;
                var action = WebUtility.HtmlDecode(Regex.Match(form.Groups[1].Value, "action=\"([^\"]*)\"").Groups[1].Value);
                if (action.Length == 0) action = path;
                if (!form.Groups[2].Value.Contains("name=\"__RequestVerificationToken\""))
                    failures.Add($"{path}: a POST form to {action} has no antiforgery token");
                var fields = Regex.Matches(form.Groups[2].Value, "name=\"([^\"]+)\"(?:[^>]*value=\"([^\"]*)\")?")
                    .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
                    .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));
                var posted = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                if (posted.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{actor.Name} POST {action} without the antiforgery token: expected 400, got {(int)posted.StatusCode}");
            }
        }
        output.WriteLine($"POST forms checked: {forms}");
        Assert.True(forms >= 5, $"only {forms} POST forms found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_sign_out_form_in_the_layout_signs_out()
    {
        var client = await factory.SignedInAsync("operator1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/personalization")).StatusCode);
        var html = await client.GetStringAsync("/");
        var form = Regex.Match(html, "<form[^>]*action=\"/Account/Logout\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "the layout's sign-out form");
        var token = Regex.Match(form.Groups[1].Value, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me/personalization")).StatusCode);
    }

    /// <summary>"METHOD /pattern" of every API endpoint the app maps.</summary>
    public static List<string> ApiRoutesOf(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Every Razor page by its path (/Employer/Jobs/Board), with the route template that reaches it.</summary>
    private static Dictionary<string, string> PagesOf(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Route: "/" + e.RoutePattern.RawText))
            .Where(p => p.Page is not null && !p.Page.Contains("/_"))
            .GroupBy(p => p.Page!)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Route.Length).First().Route);

    private static string Trim(string body) => body.Length > 200 ? body[..200] + "…" : body;
}

/// <summary>The records the matrix and fuzz tests address, and a signed-in client for each kind of user.</summary>
public sealed class SecurityCast
{
    public const string OwnerPhone = "13812345678"; // seeker1's (T1's) phone, from ApiFactory

    public required string JobId { get; init; }
    public required string ApplicationId { get; init; }
    public required string InterviewId { get; init; }
    public required Dictionary<string, HttpClient> Clients { get; init; }

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static readonly Dictionary<ApiFactory, SecurityCast> Prepared = [];

    /// <summary>Once per factory: agency and admin users, an open job of hr1's employer, seeker1's application to it with an interview.</summary>
    public static async Task<SecurityCast> PrepareAsync(ApiFactory factory)
    {
        await Lock.WaitAsync();
        try
        {
            if (Prepared.TryGetValue(factory, out var known)) return known;
            using (var scope = factory.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                foreach (var (name, role, employer) in new[] { ("agency1", Roles.Agency, "E2"), ("admin1", Roles.Admin, (string?)null) })
                {
                    var user = new AppUser { UserName = name, DisplayName = name, EmployerId = employer };
                    var created = await users.CreateAsync(user, ApiFactory.Password);
                    if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                    await users.AddToRoleAsync(user, role);
                }
            }
            var clients = new Dictionary<string, HttpClient>
            {
                ["anonymous"] = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            };
            foreach (var name in new[] { "seeker1", "seeker2", "hr1", "hr2", "agency1", "operator1", "admin1" })
                clients[name] = await factory.SignedInAsync(name);

            var hr = clients["hr1"];
            var job = await Json(await hr.PostAsync("/api/v1/jobs", new StringContent(
                """{"title":"数控车工","occupation_code":"6-18-01-01","min_grade":4,"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"expires_at":"2027-06-30","description":"操作数控车床加工轴类零件。"}""",
                Encoding.UTF8, "application/json")));
            var jobId = job.GetProperty("id").GetString()!;
            await Json(await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null));
            var application = await Json(await clients["seeker1"].PostAsync($"/api/v1/jobs/{jobId}/applications", null));
            var applicationId = application.GetProperty("id").GetString()!;
            application = await Json(await hr.PostAsJsonAsync($"/api/v1/applications/{applicationId}/interviews",
                new { startsAt = DateTime.UtcNow.AddDays(2), place = "黄岛区海卓厂区二号楼" }));
            var cast = new SecurityCast
            {
                JobId = jobId, ApplicationId = applicationId, Clients = clients,
                InterviewId = application.GetProperty("interviews")[0].GetProperty("id").GetString()!,
            };
            Prepared[factory] = cast;
            return cast;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>A route pattern with the test records filled in; an unknown parameter fails with the pattern's name.</summary>
    public string Fill(string pattern)
    {
        var segments = pattern.Split('/');
        var collection = segments.Length > 3 ? segments[3] : "";
        return Regex.Replace(pattern, "\\{(\\w+)\\??\\}", m => m.Groups[1].Value switch
        {
            "job" or "jobId" => JobId,
            "interviewId" => InterviewId,
            "code" => "6-18-01-01",
            "documentName" => "v1",
            "culture" => "en",
            "id" when pattern.StartsWith("/api/v1/jobs/") || pattern.StartsWith("/Jobs/") || pattern.StartsWith("/Employer/Jobs/") => JobId,
            "id" when collection == "applications" => ApplicationId,
            "id" when collection == "employers" => "E1",
            "id" when collection == "talent" => "T1",
            _ => throw new InvalidOperationException($"no test value for {{{m.Groups[1].Value}}} in {pattern}: teach SecurityCast.Fill about it"),
        });
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
