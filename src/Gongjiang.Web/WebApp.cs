using System.Globalization;
using Gongjiang.Application;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Web.Api;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Gongjiang.Web;

/// <summary>Builds and runs the web platform; `gongjiang serve` and `dotnet run` both come here.</summary>
public static class WebApp
{
    public static int Run(string[] args, string? contentRoot = null)
    {
        var app = Build(args, contentRoot);
        app.Run();
        return 0;
    }

    /// <param name="configureServices">Services a host adds before the platform's own (e.g. a replay clock).</param>
    public static WebApplication Build(string[] args, string? contentRoot = null, Action<IServiceCollection>? configureServices = null)
    {
        // `--empty` is a bare switch; the configuration system wants key/value pairs.
        var startEmpty = args.Contains("--empty");
        args = args.Where(a => a != "--empty").ToArray();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
        });
        if (startEmpty) builder.Configuration["empty"] = "true";
        // Every SQL statement at Information would bury what matters; appsettings can still turn it back on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        configureServices?.Invoke(builder.Services);
        // Read when first needed: hosts and tests may still add configuration after this point.
        builder.Services.AddGongjiang(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return DatabaseTarget.Parse(configuration["db"] ?? configuration.GetConnectionString("Gongjiang")) with { KeyFile = configuration["keys"] };
        });
        builder.Services.AddGongjiangWeb();

        var app = builder.Build();
        app.UseGongjiangWeb();
        StartupTasks.Run(app, seedDemo: !app.Configuration.GetValue<bool>("empty"));
        return app;
    }
}
