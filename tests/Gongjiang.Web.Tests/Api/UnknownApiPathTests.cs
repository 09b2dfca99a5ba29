using System.Net;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

/// <summary>A path under /api that no route serves answers 404 as ProblemDetails, like every other API error.</summary>
public sealed class UnknownApiPathTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> UnknownPaths => new()
    {
        { "GET", "/api/nope" },
        { "GET", "/api/v2/x" },
        { "GET", "/api/v1/does-not-exist" },
        { "GET", "/api/v1/jobs/J1/no-such-action" },
        { "POST", "/api/v1/does-not-exist" },
        { "DELETE", "/api/v2/talent/T1" },
        { "GET", "/api" },
    };

    [Theory]
    [MemberData(nameof(UnknownPaths))]
    public async Task An_unknown_api_path_answers_404_as_problem_details(string method, string path)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(path, problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_signed_in_caller_asking_for_html_still_gets_problem_details_for_an_unknown_api_path()
    {
        using var client = await factory.SignedInAsync("hr1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/does-not-exist");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_known_route_with_a_wrong_method_keeps_its_405()
    {
        using var client = await factory.SignedInAsync("hr1");
        var response = await client.DeleteAsync("/api/v1/taxonomy/occupations");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_foreign_record_keeps_the_endpoint_s_own_404()
    {
        using var client = await factory.SignedInAsync("hr1");
        var response = await client.GetAsync("/api/v1/jobs/J-NO-SUCH-JOB");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
