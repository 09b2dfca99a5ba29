using System.Reflection;
using System.Text.Json;
using Xunit.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// The OpenAPI document (/api/v1/openapi.json) is what integrators read: every query parameter an endpoint binds is
/// listed there with its type, and every paging or count parameter states its range.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    /// <summary>Query parameters that page a list or cap how many items come back: their range must be documented.</summary>
    private static readonly HashSet<string> PagingNames = new(StringComparer.OrdinalIgnoreCase) { "page", "pageSize", "skip", "take", "top", "count", "limit" };

    private static readonly Type[] NotFromQuery = [typeof(CancellationToken), typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse),
        typeof(System.Security.Claims.ClaimsPrincipal), typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection), typeof(Stream)];

    [Fact]
    public async Task Every_query_parameter_an_endpoint_binds_is_in_the_openapi_document_with_its_type_and_paging_bounds()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/v1/openapi.json"));
        var paths = doc.RootElement.GetProperty("paths");
        var isService = factory.Services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)).ToList();
        var keysOfEndpoints = endpoints.SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}")).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(AccessMatrixTests.ApiRoutesOf(factory), keysOfEndpoints);

        var failures = new List<string>();
        var checkedParameters = 0;
        foreach (var endpoint in endpoints)
        {
            var raw = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (raw == "/api/{documentName}/openapi.json") continue; // the document itself is not in the document
            if (raw.StartsWith(Gongjiang.Web.Infrastructure.ApiDocs.Path + "/", StringComparison.Ordinal)) continue; // the reference page reading it, neither
            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            if (method is null)
            {
                failures.Add($"{raw}: no handler method to read its parameters from");
                continue;
            }
            var bound = QueryParametersOf(method, endpoint, isService).ToList();
            var path = System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');
            raw = System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+):[^}]+\}", "{$1}");
            if (!paths.TryGetProperty(path, out var item) && !paths.TryGetProperty(raw, out item))
            {
                failures.Add($"{raw}: not in the OpenAPI document");
                continue;
            }
            foreach (var verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var key = $"{verb} {raw}";
                if (!item.TryGetProperty(verb.ToLowerInvariant(), out var operation))
                {
                    failures.Add($"{key}: operation not in the OpenAPI document");
                    continue;
                }
                var listed = (operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default(JsonElement.ArrayEnumerator))
                    .Where(p => p.GetProperty("in").GetString() == "query")
                    .ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase);
                foreach (var name in bound)
                {
                    checkedParameters++;
                    if (!listed.TryGetValue(name, out var parameter))
                    {
                        failures.Add($"{key}: binds ?{name} but the document does not list it");
                        continue;
                    }
                    var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                    if (schema.ValueKind != JsonValueKind.Object || !HasType(schema))
                        failures.Add($"{key}: ?{name} is listed without a type");
                    if (PagingNames.Contains(name) && !StatesRange(parameter, schema))
                        failures.Add($"{key}: ?{name} pages or caps a list but its range (minimum and maximum) is not stated");
                }
            }
        }
        output.WriteLine($"{endpoints.Count} endpoints, {checkedParameters} query parameters checked");
        Assert.True(failures.Count == 0, "The OpenAPI document does not match the endpoints:\n" + string.Join("\n", failures));
        Assert.True(checkedParameters > 10, "the comparison found almost no query parameters: the reading of the endpoints is broken");
    }

    [Fact]
    public async Task The_talent_search_lists_its_filters_with_types_and_its_paging_range()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/v1/openapi.json"));
        var parameters = doc.RootElement.GetProperty("paths").GetProperty("/api/v1/talent/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var name in new[] { "q", "occupation", "minGrade", "city", "education", "major", "minExperience", "payMin", "payMax", "page", "pageSize" })
            Assert.True(parameters.ContainsKey(name), name);
        Assert.Equal("integer", TypeOf(parameters["page"].GetProperty("schema")));
        Assert.Equal("integer", TypeOf(parameters["minGrade"].GetProperty("schema")));
        Assert.Equal("number", TypeOf(parameters["minExperience"].GetProperty("schema")));
        Assert.Equal(100, parameters["pageSize"].GetProperty("schema").GetProperty("maximum").GetInt32());
    }

    [Theory]
    [InlineData(null, "/api/v1/jobs?pageSize=1000", "pageSize")]
    [InlineData(null, "/api/v1/jobs?page=0", "page")]
    [InlineData(null, "/api/v1/employers?page=10001", "page")]
    [InlineData(null, "/api/v1/employers?pageSize=0", "pageSize")]
    [InlineData(null, "/api/v1/taxonomy/occupations?q=焊工&limit=1000", "limit")]
    [InlineData("hr1", "/api/v1/talent/search?pageSize=101", "pageSize")]
    [InlineData("hr1", "/api/v1/talent/search?page=abc", "page")]
    [InlineData("hr1", "/api/v1/talent/search?minGrade=9", "minGrade")]
    [InlineData("seeker1", "/api/v1/me/notifications?skip=-1", "skip")]
    [InlineData("seeker1", "/api/v1/me/notifications?take=201", "take")]
    [InlineData("seeker1", "/api/v1/talent/me/recommended-jobs?top=51", "top")]
    [InlineData("operator1", "/api/v1/service-log?count=-1", "count")]
    public async Task A_query_parameter_outside_its_documented_range_is_a_400_naming_it(string? user, string url, string field)
    {
        var client = user is null ? factory.CreateClient() : await factory.SignedInAsync(user);
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("codes").TryGetProperty(field, out var codes), body);
        Assert.NotEmpty(codes.EnumerateArray());
    }

    /// <summary>What an endpoint reads from the query string: simple parameters that are neither route values, services nor the body, and [AsParameters] members.</summary>
    private static IEnumerable<string> QueryParametersOf(MethodInfo method, RouteEndpoint endpoint, IServiceProviderIsService isService)
    {
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var prop in p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    if (prop.GetCustomAttribute<FromQueryAttribute>() is { } q) yield return q.Name ?? prop.Name;
                    else if (IsSimple(prop.PropertyType) && !routeNames.Contains(prop.Name) && prop.GetCustomAttributes().All(a => a is not IFromRouteMetadata and not IFromHeaderMetadata))
                        yield return prop.Name;
                continue;
            }
            if (p.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
            {
                yield return fromQuery.Name ?? p.Name!;
                continue;
            }
            if (p.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromServiceMetadata or IFromFormMetadata))
                continue;
            if (NotFromQuery.Contains(p.ParameterType) || isService.IsService(p.ParameterType) || routeNames.Contains(p.Name!)) continue;
            if (IsSimple(p.ParameterType)) yield return p.Name!;
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsArray) t = t.GetElementType()!;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(Guid) || t == typeof(TimeSpan);
    }

    private static string? TypeOf(JsonElement schema) => schema.TryGetProperty("type", out var t)
        ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
        : null;

    private static bool HasType(JsonElement schema) => TypeOf(schema) is not null || schema.TryGetProperty("$ref", out _);

    private static bool StatesRange(JsonElement parameter, JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("minimum", out _) && schema.TryGetProperty("maximum", out _)) return true;
        var description = parameter.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        return System.Text.RegularExpressions.Regex.IsMatch(description, @"\d+\s*(–|-|to|\.\.)\s*\d+");
    }
}
