using System.Diagnostics;
using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Infrastructure;

/// <summary>What happens before the first request: schema, roles, and on an empty database the demo zone.</summary>
public static class StartupTasks
{
    public static void Run(WebApplication app, bool seedDemo)
    {
        var watch = Stopwatch.StartNew();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongjiang.Startup");
        var database = services.GetRequiredService<DatabaseTarget>();
        logger.LogInformation("Database: {Provider} {Target}", database.Provider, database.Display);

        services.GetRequiredService<DatabaseInitializer>().MigrateAsync().GetAwaiter().GetResult();
        EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>()).GetAwaiter().GetResult();

        if (seedDemo)
        {
            var seeded = services.GetRequiredService<DemoZoneSeeder>().SeedIfEmptyAsync().GetAwaiter().GetResult();
            if (seeded) logger.LogInformation("Demo zone created");
            services.GetRequiredService<DemoActivitySeeder>().SeedMissingAsync().GetAwaiter().GetResult();
            PrintDemoAccounts(logger);
        }
        logger.LogInformation("Ready in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static void PrintDemoAccounts(ILogger logger)
    {
        var lines = string.Join(Environment.NewLine, DemoAccounts.All.Select(a => $"    {a.Role,-11} {a.UserName,-9} / {DemoAccounts.Password}  ({a.DisplayName})"));
        logger.LogInformation("Demo sign-ins (演示账号):{NewLine}{Accounts}", Environment.NewLine, lines);
    }
}
