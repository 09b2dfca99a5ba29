using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Employers;
using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Matching;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Compliance;
using Gongjiang.Matching.Titles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application;

public static class ServiceRegistration
{
    /// <summary>Everything the web app and the CLI share: the database, the taxonomy, the clock and the application services.</summary>
    public static IServiceCollection AddGongjiang(this IServiceCollection services, DatabaseTarget database) =>
        services.AddGongjiang(_ => database);

    /// <summary>The database is chosen when first needed, so hosts (and their tests) can configure it late.</summary>
    public static IServiceCollection AddGongjiang(this IServiceCollection services, Func<IServiceProvider, DatabaseTarget> database)
    {
        services.AddSingleton(database);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DatabaseTarget>().CreateContext(sp.GetService<ILoggerFactory>(), sp.GetRequiredService<MatchingIndexInterceptor>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => TaxonomyCatalog.Default);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ImportService>();
        services.AddScoped<TabularImport>();
        services.AddScoped<ImportTaskRunner>();
        services.AddScoped<Catalogue.CatalogueMeasures>();
        services.AddScoped<Catalogue.CatalogueBuilder>();
        services.AddScoped<Catalogue.SurveyNotices>();
        services.AddScoped<Catalogue.SurveyDemand>();
        services.AddOptions<ImportOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration)
                Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Import"), o);
        });
        services.AddScoped<JobRecordMapper>();
        services.AddScoped<JobService>();
        services.AddScoped<PostingRules>();
        services.AddSingleton<Portal.HomePageCache>();
        // Scoped: each request screens with the policy operators last chose (SystemSettings), held by ScreeningPolicyCache.
        services.TryAddSingleton<Compliance.ScreeningPolicyCache>();
        services.TryAddScoped(sp => new PostingScreener(
            sp.GetRequiredService<Compliance.ScreeningPolicyCache>().Get(() => sp.GetRequiredService<Compliance.ComplianceSettings>().LoadPolicy()),
            catalog: sp.GetRequiredService<TaxonomyCatalog>()));
        services.AddScoped<Compliance.ServiceLog>();
        services.AddScoped<Compliance.ComplianceSettings>();
        services.AddScoped<Compliance.ComplaintService>();
        services.AddScoped<Compliance.VerificationService>();
        services.TryAddSingleton(new Compliance.VerificationOptions());
        services.AddScoped<Compliance.ScreeningQueueService>();
        services.AddScoped<Compliance.ComplianceRules>();
        services.AddScoped<TalentRecordMapper>();
        services.AddScoped<TalentService>();
        services.AddScoped<Identity.PhoneCodeService>();
        services.AddScoped<Identity.PhoneAccounts>();
        services.AddScoped<Identity.UserAdministration>();
        services.AddScoped<Employers.MemberRules>();
        services.AddScoped<Identity.ApiCredentialService>();
        services.AddOptions<Identity.PhoneCodeOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration)
                Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("PhoneCodes"), o);
        });
        services.AddScoped<TalentSearchService>();
        services.AddScoped<Sharing.SharingService>();
        services.AddScoped<Seekers.SeekerScope>();
        services.TryAddSingleton(new Seekers.ResumeFileOptions());
        services.AddScoped<EmployerService>();
        services.AddScoped<Recruiting.RecruitingService>();
        services.AddScoped<Recruiting.RecruitingRules>();
        services.AddScoped<Headhunting.ProjectRules>();
        services.AddScoped<Chat.ChatService>();
        services.TryAddSingleton<Chat.IChatBroadcaster, Chat.NoChatBroadcaster>();
        services.AddOptions<Chat.ChatOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration)
                Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Chat"), o);
        });
        services.AddScoped<LiveRooms.LiveRoomService>();
        services.AddScoped<LiveRooms.LiveRoomAudience>();
        services.AddScoped<LiveRooms.LiveRoomReminders>();
        services.AddScoped<LiveRooms.LiveTalkService>();
        services.TryAddSingleton<LiveRooms.ILiveRoomBroadcaster, LiveRooms.NoLiveRoomBroadcaster>();
        services.TryAddSingleton<LiveRooms.ILiveRoomPresence, LiveRooms.InProcessLiveRoomPresence>();
        services.AddOptions<LiveRooms.LiveRoomOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration)
                Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("LiveRooms"), o);
        });
        services.AddOptions<LiveRooms.LiveRoomReminderOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration)
                Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("LiveRooms"), o);
        });
        services.AddScoped<Campus.CampaignRules>();
        Notifications.NotificationServiceRegistration.AddGongjiangNotifications(services);
        services.AddScoped<DemoZoneSeeder>();
        services.AddScoped<DemoActivitySeeder>();
        services.AddScoped<Privacy.KeyRotationService>();
        services.AddScoped<Privacy.PrivacyService>();
        services.AddScoped<Privacy.RetentionService>();
        services.TryAddSingleton(new Privacy.RetentionOptions());
        services.AddMatching();
        // The command line acts as the system operator; the web app replaces this with the signed-in user.
        services.AddScoped<Common.ActingUser>();
        services.TryAddScoped<Common.ICurrentUser, Common.SystemUser>();
        services.AddUseCases();
        services.TryAddSingleton(sp => TitleNormalizer.For(sp.GetRequiredService<TaxonomyCatalog>()));
        services.TryAddSingleton(sp => new Taxonomy.OccupationNames(sp.GetRequiredService<TaxonomyCatalog>(), sp.GetRequiredService<TitleNormalizer>()));
        services.TryAddSingleton<OccupationResolver>();
        services.TryAddSingleton<Search.SearchWords>();
        return services;
    }
}
