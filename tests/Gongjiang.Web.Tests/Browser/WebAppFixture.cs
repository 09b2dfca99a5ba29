using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The real platform on Kestrel with a fresh SQLite file (the demo zone is seeded on first start), and Debian's
/// Chromium driven by Playwright. One instance serves every browser test: seeding takes a while.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "gongjiang-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? app;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running app's services: its routes, and the demo zone's records whose ids fill the routes.</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Screenshots land here for a person to look at: tests/Gongjiang.Web.Tests/TestResults/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(ProjectDirectory(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // The suite runs its assemblies side by side on two cores: a page may take longer than Playwright's 5 s to change
        // under that load, so assertions wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(30_000);
        Directory.CreateDirectory(directory);
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var webRoot = Path.Combine(RepositoryRoot(), "src", "Gongjiang.Web");
        app = WebApp.Build(
            ["--urls", BaseUrl, "--db", Path.Combine(directory, "gongjiang.db"),
             "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
             // Every browser test signs in from 127.0.0.1 within a minute or two; the sign-in limit has its own API test.
             "--RateLimits:SignInPerMinute=1000", "--RateLimits:UploadsPerMinute=1000",
             // A journey asks one number for a sign-up code and soon after for a reset code; the minute between codes has its own API test.
             "--PhoneCodes:ResendAfter=00:00:01"],
            contentRoot: webRoot);
        await app.StartAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// The code in the latest SMS to this number, as the development sender wrote it to the outbox folder beside the
    /// database (what a person would read on their phone); null when none was sent or the latest text carries none.
    /// </summary>
    public string? LatestSmsCode(string phone)
    {
        var folder = Path.Combine(directory, "outbox");
        if (!Directory.Exists(folder)) return null;
        var last = Directory.GetFiles(folder, "sms-*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .LastOrDefault(m => m.GetProperty("to").GetString() == phone);
        if (last.ValueKind == System.Text.Json.JsonValueKind.Undefined) return null;
        var code = System.Text.RegularExpressions.Regex.Match(last.GetProperty("body").GetString() ?? "", @"验证码 (\d{6})");
        return code.Success ? code.Groups[1].Value : null;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A fresh browser context (own cookies), Chinese unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gongjiang.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (Gongjiang.slnx) not found above " + AppContext.BaseDirectory);
    }

    private static string ProjectDirectory() => Path.Combine(RepositoryRoot(), "tests", "Gongjiang.Web.Tests");
}

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names a shared fixture a collection.")]
public sealed class BrowserCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "Browser";
}
