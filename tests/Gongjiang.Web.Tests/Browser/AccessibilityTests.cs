using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.DemoZone;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// WCAG 2.1 AA: every page each kind of user can open is audited with axe-core (vendored, injected into the page) and
/// no serious or critical violation is allowed. Pages with an id are reached through the links of the pages before
/// them, so the audit sees the demo zone's real records.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class AccessibilityTests(WebAppFixture web, ITestOutputHelper output)
{
    private static readonly string AxePath = Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js");

    /// <summary>The pages each role opens from the address bar or the navigation.</summary>
    private static readonly Dictionary<string, string[]> StartPages = new()
    {
        ["anonymous"] = ["/", "/Jobs", "/Taxonomy", "/Account/Login", "/Account/Register", "/Account/Denied", "/Privacy", "/Status/404",
            "/Catalogue", "/Catalogue/Print", "/Account/CodeLogin", "/Account/ForgotPassword", "/Account/RegisterEmployer"],
        ["seeker"] = ["/", "/Jobs", "/Inbox", "/Seeker/Profile", "/Seeker/Recommendations", "/Seeker/Applications", "/Seeker/Invitations",
            "/Seeker/CampusTalks", "/Seeker/Privacy", "/Seeker/MyData", "/Seeker/Reports", "/Seeker/Phone", "/Account/Password"],
        ["hr"] = ["/Inbox", "/Employer/Jobs", "/Employer/Jobs/Edit", "/Employer/Jobs/Recommendations", "/Employer/Talent",
            "/Employer/Company", "/Employer/Import", "/Employer/Campus", "/Agency/Projects", "/Employer/Survey"],
        ["agency"] = ["/Inbox", "/Employer/Jobs", "/Employer/Jobs/Edit", "/Employer/Jobs/Recommendations", "/Employer/Talent", "/Employer/Company",
            "/Employer/Import", "/Agency/Projects"],
        ["operator"] = ["/Inbox", "/Operator", "/Operator/Employers", "/Operator/Complaints", "/Operator/Screening", "/Operator/Policy",
            "/Operator/Fairness", "/Operator/Import", "/Operator/Surveys"],
        ["admin"] = ["/Operator/Users", "/Operator/Employers"],
    };

    /// <summary>
    /// The pages of one record each role must reach through links: the first link matching each pattern is followed,
    /// and other records of the same kind when a pattern's page is not reached otherwise.
    /// </summary>
    private static readonly Dictionary<string, string[]> RecordPages = new()
    {
        ["anonymous"] = [@"^/Jobs/Detail/[^/?]+$", @"^/Taxonomy\?code=", @"^/Jobs\?employer="],
        ["seeker"] = [@"^/Jobs/Detail/[^/?]+$", @"^/Seeker/Report\?job="],
        ["hr"] = [@"^/Employer/Jobs/Edit\?id=", @"^/Employer/Jobs/Board/[^/?]+$", @"^/Employer/Jobs/Recommendations/[^/?]+$",
            @"^/Employer/Talent/View/[^/?]+(\?from=\w+)?$", @"^/Employer/Campus/Edit/[^/?]+$", @"^/Agency/Projects/[^/?]+$", @"^/Agency/Projects/[^/?]+/Report$"],
        // The demo agency has no jobs of its own: its job pages are the employer's, audited for hr.
        ["agency"] = [@"^/Employer/Talent/View/[^/?]+(\?from=\w+)?$",
            @"^/Agency/Projects/[^/?]+$", @"^/Agency/Projects/[^/?]+/Edit$", @"^/Agency/Projects/[^/?]+/Report$"],
        ["operator"] = [],
        ["admin"] = [],
    };

    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations'],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + (n.any.length && n.any[0].message ? ' — ' + n.any[0].message : '')),
                count: v.nodes.length,
            }));
        }
        """;

    /// <summary>Rules that fail the audit whatever axe's impact: the page's landmarks must be told apart by name.</summary>
    private static readonly HashSet<string> AlwaysFailing = ["landmark-unique", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main", "landmark-one-main"];

    [Theory]
    [InlineData("anonymous", "zh-CN")]
    [InlineData("anonymous", "en")]
    [InlineData("seeker", "zh-CN")]
    [InlineData("hr", "zh-CN")]
    [InlineData("agency", "zh-CN")]
    [InlineData("operator", "zh-CN")]
    [InlineData("admin", "zh-CN")]
    public async Task Every_page_a_role_opens_has_no_serious_or_critical_accessibility_violation(string role, string language)
    {
        Assert.True(File.Exists(AxePath), "axe-core is missing; run scripts/vendor-browser-libs.sh");
        // The site's Content-Security-Policy allows only its own scripts; the audit's injected script is let through.
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BypassCSP = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (role != "anonymous") await WebAppFixture.SignInAsync(page, role, DemoAccounts.Password);
        if (language == "en") await page.GotoAsync("/Culture?culture=en&returnUrl=/");

        var queue = new Queue<string>(StartPages[role]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var patterns = RecordPages[role].Select(p => new Regex(p)).ToList();
        var unmatched = new List<Regex>(patterns);
        var failures = new List<string>();
        // Other records of a kind already audited: tried when a pattern still lacks its page (the first record may not
        // offer it, e.g. a project another test has just created and its client has not accepted yet).
        var otherRecords = new Queue<string>();
        var extraPages = 0;
        while (queue.Count > 0 || (unmatched.Count > 0 && otherRecords.Count > 0 && extraPages < 6))
        {
            if (queue.Count == 0)
            {
                var other = otherRecords.Dequeue();
                if (seen.Contains(other)) continue;
                queue.Enqueue(other);
                extraPages++;
            }
            var path = queue.Dequeue();
            if (!seen.Add(path)) continue;
            var response = await page.GotoAsync(path);
            Assert.True(response is not null && (response.Ok || path.StartsWith("/Status/", StringComparison.Ordinal)),
                $"{role} GET {path}: {response?.Status}");
            var landed = new Uri(page.Url).PathAndQuery;
            Assert.True(landed == path || !landed.StartsWith("/Account/", StringComparison.Ordinal), $"{role} GET {path}: sent to {landed}");

            await page.AddScriptTagAsync(new() { Path = AxePath });
            var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
            foreach (var v in violations.EnumerateArray())
            {
                var impact = v.GetProperty("impact").GetString();
                var id = v.GetProperty("id").GetString()!;
                var line = $"{role} ({language}) {path}: [{impact}] {id} ({v.GetProperty("count").GetInt32()}) {v.GetProperty("help").GetString()}\n      "
                    + string.Join("\n      ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
                output.WriteLine(line);
                if (impact is "serious" or "critical" || AlwaysFailing.Contains(id)) failures.Add(line);
            }

            // Follow the first link to each kind of record page not audited yet.
            var links = await page.EvalOnSelectorAllAsync<string[]>("a[href^='/']", "as => as.map(a => a.getAttribute('href'))");
            foreach (var pattern in patterns)
            {
                var matching = links.Where(l => pattern.IsMatch(l) && !seen.Contains(l)).Distinct().ToList();
                if (matching.Count == 0) continue;
                if (unmatched.Remove(pattern)) queue.Enqueue(matching[0]);
                foreach (var other in matching.Skip(1).Take(3)) otherRecords.Enqueue(other);
            }
        }
        output.WriteLine($"{role} ({language}): {seen.Count} pages audited: {string.Join(", ", seen)}");
        Assert.True(unmatched.Count == 0, $"{role}: no link found to {string.Join(", ", unmatched)}");
        Assert.True(failures.Count == 0, $"{failures.Count} serious or critical accessibility violations ({language}):\n" + string.Join("\n", failures));
        await context.CloseAsync();
    }
}
