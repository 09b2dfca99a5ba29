using System.Net;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// The real web app in memory over a temporary SQLite file, started without the demo zone and with a small known
/// cast: two employers with one HR user each, a seeker who shares with the zone, one who does not, and an operator.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-pass-2026";

    /// <summary>Every SMS the app sent (codes, notices).</summary>
    public SmsInbox Sms { get; } = new();
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gongjiang-api-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", _path);
        builder.UseSetting("empty", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000"); // many sign-ins from one test client; the limit has its own test
        builder.UseSetting("RateLimits:UploadsPerMinute", "1000"); // many uploads by one test user; the limit has its own test
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(s => s.AddSingleton<Gongjiang.Application.Notifications.IMessageSender>(Sms));
        Configure(builder);
    }

    /// <summary>Settings of a test class's own factory, on top of these.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        var employers = """
            id,name,uscc,city,industry_cluster,enterprise_type
            E1,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
            E2,青岛蓝芯微电子有限公司,91370212MA3D1B5Q4B,370212,集成电路,champion
            """;
        await import.ImportEmployersAsync(new StringReader(employers), "employers.csv");
        await scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Employers.EmployerService>().DecideVerificationAsync("E1", true, null);
        await scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Employers.EmployerService>().DecideVerificationAsync("E2", true, null);
        var talent = """
            {"id":"T1","name":"张伟","phone":"13812345678","city":"370211","occupations":[{"code":"6-18-02-04","grade":3,"certified":true}],"skills":["氩弧焊"]}
            {"id":"T2","name":"李娜","phone":"13987654321","city":"370211"}
            """;
        await import.ImportTalentAsync(new StringReader(talent), "talent.jsonl");
        // T1 shares the résumé with the zone, as the seeker would on the résumé page.
        scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Common.ActingUser>().Actor = new("seed-t1", [Roles.Seeker], null, "T1");
        Assert.True((await scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Common.UseCases.IUseCases>()
            .RunAsync(new Gongjiang.Application.Talent.SetProfileSharing.Command(true))).Succeeded);
        scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Common.ActingUser>().Actor = null;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AddUser(users, "hr1", Roles.EmployerHR, employerId: "E1");
        await AddUser(users, "hr2", Roles.EmployerHR, employerId: "E2");
        await AddUser(users, "seeker1", Roles.Seeker, talentId: "T1");
        await AddUser(users, "seeker2", Roles.Seeker, talentId: "T2");
        await AddUser(users, "operator1", Roles.Operator);
    }

    private static async Task AddUser(UserManager<AppUser> users, string name, string role, string? employerId = null, string? talentId = null)
    {
        // The first user of each company is its administrator, as a company that registers itself has.
        var user = new AppUser { UserName = name, DisplayName = name, EmployerId = employerId, TalentId = talentId, IsEmployerAdmin = employerId is not null };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>A client signed in through the real login form (antiforgery token and all).</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {userName} failed: {response.StatusCode}");
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm", _path + ".keys" }) File.Delete(f);
    }
}

/// <summary>
/// The same app with its background importer idle, for tests that must see an import task exactly as a request left it
/// (queued, then cancelled) or that count the rows a refused request wrote, undisturbed by an import finishing meanwhile.
/// </summary>
public sealed class IdleImporterApiFactory : ApiFactory
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Import:PollInterval", "1.00:00:00");
}
