using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Posts that no page expects — no handler, an unknown handler, every form of every page with empty, format-like and
/// oversize values — as each kind of user a page is meant for: never a 500, and a refusal is a page, not a broken one.
/// </summary>
public sealed class PagePostTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    /// <summary>Values an attacker or a careless paste sends: nothing, format placeholders, printf, braces, a 10,000-character text.</summary>
    private static readonly string[] Malformed = ["", "{0}x{", "%s%n", "{{", new string('匠', 10_000)];

    [Fact]
    public async Task A_post_without_a_handler_or_with_an_unknown_one_is_refused_with_a_page()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = AccessMatrixTests.PagesOf(factory);
        var failures = new List<string>();
        var calls = 0;
        foreach (var actor in AccessMatrixTests.Actors)
        {
            var client = cast.Clients[actor.Name];
            var token = await TokenAsync(client, actor.Role is null);
            foreach (var rule in AccessMatrixTests.PagePolicy.Where(r => AccessMatrixTests.Expected(r, actor) == AccessMatrixTests.Outcome.Allowed))
            {
                var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
                foreach (var handler in new[] { null, "nosuchhandler" })
                {
                    var target = handler is null ? path : path + (path.Contains('?') ? "&" : "?") + "handler=" + handler;
                    var response = await client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                    calls++;
                    var status = (int)response.StatusCode;
                    var body = await response.Content.ReadAsStringAsync();
                    if (status >= 500) failures.Add($"{actor.Name} POST {target}: {status}");
                    else if (status >= 400 && !body.Contains("id=\"status-page\"", StringComparison.Ordinal))
                        failures.Add($"{actor.Name} POST {target}: {status} without the status page");
                    else if (handler is not null && status < 300)
                        failures.Add($"{actor.Name} POST {target}: an unknown handler answered {status}");
                }
            }
        }
        output.WriteLine($"{calls} posts without a handler or with an unknown one");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_form_of_every_page_survives_empty_format_like_and_oversize_values()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = AccessMatrixTests.PagesOf(factory);
        var failures = new List<string>();
        var forms = 0;
        foreach (var actor in AccessMatrixTests.Actors.Where(a => a.Role is not null))
        {
            var client = cast.Clients[actor.Name];
            foreach (var rule in AccessMatrixTests.PagePolicy.Where(r => AccessMatrixTests.Expected(r, actor) == AccessMatrixTests.Outcome.Allowed))
            {
                if (rule.Page is "/Account/Logout" or "/Culture") continue; // their forms sign out or switch language
                var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
                var page = await client.GetAsync(path);
                if (page.StatusCode != HttpStatusCode.OK) continue;
                var html = await page.Content.ReadAsStringAsync();
                foreach (Match form in Regex.Matches(html, "<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase))
                {
                    if (!Regex.IsMatch(form.Groups[1].Value, "method=\"post\"", RegexOptions.IgnoreCase)) continue;
                    var action = WebUtility.HtmlDecode(Regex.Match(form.Groups[1].Value, "action=\"([^\"]*)\"").Groups[1].Value);
                    if (action.Length == 0) action = path;
                    if (action.Contains("/Account/Logout", StringComparison.OrdinalIgnoreCase) || action.Contains("/Culture", StringComparison.OrdinalIgnoreCase)) continue;
                    var token = Regex.Match(form.Groups[2].Value, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
                    var names = Regex.Matches(form.Groups[2].Value, "name=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
                        .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                    forms++;
                    foreach (var value in Malformed)
                    {
                        var fields = names.ToDictionary(n => n, _ => value);
                        fields["__RequestVerificationToken"] = token;
                        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                        var status = (int)response.StatusCode;
                        if (status >= 500)
                            failures.Add($"{actor.Name} POST {action} on {path} with {Describe(value)}: {status}");
                    }
                }
            }
        }
        output.WriteLine($"{forms} forms posted with {Malformed.Length} kinds of values each");
        Assert.True(forms >= 20, $"only {forms} forms found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Describe(string value) => value.Length > 20 ? $"{value.Length} characters" : $"'{value}'";

    /// <summary>An antiforgery token of the client's session: from the layout's sign-out form, or the sign-in form when anonymous.</summary>
    private static async Task<string> TokenAsync(HttpClient client, bool anonymous)
    {
        var html = await client.GetStringAsync(anonymous ? "/Account/Login" : "/");
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }
}
