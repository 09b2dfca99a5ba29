using System.Net;
using System.Text.RegularExpressions;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Two web nodes over one database (behind a load balancer): the keys that sign sign-in cookies and form tokens are
/// rows of that database, so a form one node served is accepted by the other, and a sign-in on one is honoured by both.
/// </summary>
public sealed partial class SharedKeyRingTests
{
    private sealed class Node(string sharedDb) : ApiFactory
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("db", sharedDb);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();

    private static HttpClient Client(TestServer server, CookieContainer cookies) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task A_form_from_one_node_posts_to_the_other_and_the_sign_in_holds_on_both()
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"gongjiang-keyring-{Guid.NewGuid():N}.db");
        try
        {
            await using var nodeA = new Node(dbPath);
            await ((Xunit.IAsyncLifetime)nodeA).InitializeAsync();
            await using var nodeB = new Node(dbPath);
            var cookies = new CookieContainer();
            using var onA = Client(nodeA.Server, cookies);
            using var onB = Client(nodeB.Server, cookies);

            // The sign-in form comes from node A; the browser's post lands on node B.
            var token = AntiForgeryToken().Match(await onA.GetStringAsync("/Account/Login")).Groups[1].Value;
            Assert.NotEmpty(token);
            using var signIn = await onB.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "seeker1", ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("/Account/Login", signIn.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

            // The cookie node B issued opens the seeker's pages on both nodes.
            foreach (var client in new[] { onA, onB })
            {
                using var profile = await client.GetAsync("/Seeker/Profile");
                Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            }

            // The key ring is in the database both nodes read, not in a folder of one machine.
            using var scope = nodeA.Services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AnyAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
        }
    }
}
