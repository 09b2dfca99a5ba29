using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Random and malformed requests to every API route (the routes of AccessMatrixTests.ApiPolicy, which the matrix
/// checks against the app's own route table), as a user the route is meant for: never a 500, a refused request
/// writes nothing, and an oversize body is refused with 413.
/// </summary>
public sealed class FuzzTests(IdleImporterApiFactory factory, ITestOutputHelper output) : IClassFixture<IdleImporterApiFactory>
{
    private const int Seed = 20261122;
    private const int RandomCasesPerRoute = 40;

    private sealed record FuzzCase(string Method, string Path, HttpContent? Content, string What);

    [Fact]
    public async Task Random_and_malformed_requests_never_fail_with_500_and_refused_ones_write_nothing()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var mapped = AccessMatrixTests.ApiRoutesOf(factory);
        var random = new Random(Seed);
        var failures = new List<string>();
        var cases = 0;
        var refused = 0;
        // Every table's rows as of a commit counter value: read again only after something was committed.
        await using var watch = await DatabaseFingerprint.WatchAsync(factory.Services);
        (long Version, Dictionary<string, string> Rows)? known = null;
        foreach (var rule in AccessMatrixTests.ApiPolicy.Where(r => mapped.Contains(r.Key)))
        {
            var actor = AccessMatrixTests.Actors.First(a => a.Role is not null
                && AccessMatrixTests.Expected(rule, a) == AccessMatrixTests.Outcome.Allowed);
            var client = cast.Clients[actor.Name];
            foreach (var fuzz in CasesFor(rule, cast, random))
            {
                var version = await DatabaseFingerprint.DataVersionAsync(watch);
                if (known?.Version != version) known = (version, await DatabaseFingerprint.OfAsync(factory.Services));
                var before = known.Value.Rows;
                using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Path) { Content = fuzz.Content };
                HttpResponseMessage response;
                try { response = await client.SendAsync(request); }
                catch (Exception e) { failures.Add($"{actor.Name} {fuzz.Method} {Short(fuzz.Path)} [{fuzz.What}]: {e.GetType().Name} {e.Message}"); continue; }
                cases++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                    failures.Add($"{actor.Name} {fuzz.Method} {Short(fuzz.Path)} [{fuzz.What}]: {status} {Short(body)}");
                if (fuzz.What.StartsWith("oversize", StringComparison.Ordinal) && status != 413)
                    failures.Add($"{actor.Name} {fuzz.Method} {Short(fuzz.Path)} [{fuzz.What}]: expected 413, got {status}");
                if (status >= 400)
                {
                    refused++;
                    // No commit since the rows were read proves nothing changed; after a commit, every table's rows are compared.
                    var changed = await DatabaseFingerprint.DataVersionAsync(watch) == version ? []
                        : DatabaseFingerprint.Changes(before, await DatabaseFingerprint.OfAsync(factory.Services));
                    if (changed.Count > 0)
                        failures.Add($"{actor.Name} {fuzz.Method} {Short(fuzz.Path)} [{fuzz.What}]: refused with {status} but wrote {string.Join(", ", changed)}");
                    if (rule.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal) && (!response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? true))
                        failures.Add($"{actor.Name} {fuzz.Method} {Short(fuzz.Path)} [{fuzz.What}]: {status} without a ProblemDetails body");
                }
            }
        }
        output.WriteLine($"fuzz cases: {cases} over {AccessMatrixTests.ApiPolicy.Length} routes (seed {Seed}); refused: {refused}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(cases >= AccessMatrixTests.ApiPolicy.Length * RandomCasesPerRoute);
    }

    private static IEnumerable<FuzzCase> CasesFor(ApiRule rule, SecurityCast cast, Random random)
    {
        var path = cast.Fill(rule.Pattern);
        var hasBody = rule.Method != "GET";
        // Random ids in every route parameter (a NUL in the path is refused by the web server before the app sees it).
        foreach (var id in new[] { "0", "-1", "99999999999999999999", "%20", "..%2F..%2Fetc", "J' OR '1'='1", new string('x', 3000), "工匠", "%F0%28%8C%BC", Guid.NewGuid().ToString() })
            if (rule.Pattern.Contains('{'))
                yield return new(rule.Method, System.Text.RegularExpressions.Regex.Replace(rule.Pattern, "\\{[^}]+\\}", id), hasBody ? Json(rule.Body ?? "{}") : null, "random id");
        // Query strings, on reads and writes alike.
        foreach (var query in new[] { "?page=-1&pageSize=-5", "?page=2147483647&pageSize=2147483647", "?top=-3", "?top=99999999999", "?q=" + new string('焊', 5000),
                     "?status=%00", "?page=abc&top=1e9", "?city=%FF%FE" })
            yield return new(rule.Method, path + query, hasBody ? Json(rule.Body ?? "{}") : null, "odd query " + query[..Math.Min(query.Length, 20)]);
        if (!hasBody) yield break;

        yield return new(rule.Method, path, null, "no body");
        yield return new(rule.Method, path, Json(""), "empty JSON body");
        foreach (var literal in new[] { "null", "[]", "123", "\"text\"", "true", "{", "{\"a\":", "}{", "{\"to\":}", "[{]}", "\u0000" })
            yield return new(rule.Method, path, Json(literal), "malformed " + literal);
        yield return new(rule.Method, path, Json(new string('[', 5000) + new string(']', 5000)), "deep array nesting");
        yield return new(rule.Method, path, Json(string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000)), "deep object nesting");
        yield return new(rule.Method, path, Bytes([.. "{\"reason\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\",\"title\":\"\xE5\""u8, 0x80, .. "\"}"u8], "application/json"), "invalid UTF-8");
        yield return new(rule.Method, path, new StringContent(rule.Body ?? "{}", Encoding.UTF8, "text/plain"), "text/plain content type");
        yield return new(rule.Method, path, new StringContent("<job><title>x</title></job>", Encoding.UTF8, "application/xml"), "XML");
        yield return new(rule.Method, path, new FormUrlEncodedContent([new("title", "x"), new("to", "screening")]), "form content");
        yield return new(rule.Method, path, Bytes(RandomBytes(random, 512), "application/json"), "random bytes");
        yield return new(rule.Method, path, Json("{\"title\":\"" + new string('工', 400_000) + "\"}"), "oversize string (1.2 MB)");
        yield return new(rule.Method, path, Json("{\"title\":\"" + new string('a', 900_000) + "\"}"), "huge string under the limit");
        yield return new(rule.Method, path, Bytes(Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', 2_000_000) + "\"}"), "application/json", chunked: true), "oversize body");

        // The route's valid body with one field at a time made wrong, plus extra unknown fields.
        var sample = JsonNode.Parse(rule.Body ?? "{}") as JsonObject ?? [];
        var fields = sample.Select(kv => kv.Key).Concat(["title", "to", "version", "confirm", "score", "monthlyPay", "salary", "headcount", "startsAt", "enabled", "approve", "skills", "city", "expires_at"]).Distinct().ToList();
        for (var i = 0; i < RandomCasesPerRoute; i++)
        {
            var body = (JsonObject)sample.DeepClone();
            var mutations = 1 + random.Next(3);
            var what = new List<string>();
            for (var m = 0; m < mutations; m++)
            {
                var field = fields[random.Next(fields.Count)];
                var (value, kind) = RandomValue(random, depth: 0);
                body[field] = value;
                what.Add($"{field}={kind}");
            }
            yield return new(rule.Method, path, Json(body.ToJsonString()), string.Join(",", what));
        }
    }

    private static (JsonNode? Value, string Kind) RandomValue(Random random, int depth) => random.Next(depth > 2 ? 14 : 17) switch
    {
        0 => (null, "null"),
        1 => (JsonValue.Create(-random.Next()), "negative"),
        2 => (JsonValue.Create(long.MaxValue), "long.Max"),
        3 => (JsonValue.Create(1e308), "1e308"),
        4 => (JsonValue.Create(-0.000001), "tiny negative"),
        5 => (JsonValue.Create(random.Next(2) == 0), "bool"),
        6 => (JsonValue.Create(""), "empty string"),
        7 => (JsonValue.Create(new string('长', random.Next(1000, 20000))), "long string"),
        8 => (JsonValue.Create("=HYPERLINK(\"http://x\")"), "formula"),
        9 => (JsonValue.Create("<script>alert(1)</script>"), "markup"),
        10 => (JsonValue.Create("\u0000\u0001\u001f\ud800"), "control chars / lone surrogate"),
        11 => (JsonValue.Create("2026-13-45T99:99:99"), "bad date"),
        12 => (JsonValue.Create("not-a-guid"), "bad guid"),
        13 => (JsonValue.Create(random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)), "number as string"),
        14 => (new JsonArray(RandomValue(random, depth + 1).Value, RandomValue(random, depth + 1).Value), "array"),
        15 => (new JsonObject { ["min"] = RandomValue(random, depth + 1).Value, ["max"] = RandomValue(random, depth + 1).Value }, "object"),
        _ => (new JsonArray(), "empty array"),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static HttpContent Bytes(byte[] bytes, string contentType, bool chunked = false)
    {
        HttpContent content = chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>A body sent without a Content-Length, as a client streaming it in chunks does.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
