using Gongjiang.Application.Chat;

namespace Gongjiang.Web.Hubs;

public static class HubRegistration
{
    /// <summary>
    /// SignalR with the JSON and MessagePack protocols; with a Redis connection string in <c>SignalR:Redis</c> (several
    /// nodes) the hubs' groups span every node through the Redis backplane.
    /// </summary>
    public const string RedisSetting = "SignalR:Redis";

    /// <summary>
    /// What the backplane's channels and the viewer counts' keys start with (<c>gongjiang</c> unless set): zones, or a
    /// staging and a live site, sharing one Redis each set their own, so neither hears nor counts the other.
    /// </summary>
    public const string RedisPrefixSetting = "SignalR:RedisPrefix";

    public static string RedisPrefix(IConfiguration configuration) =>
        configuration[RedisPrefixSetting] is { Length: > 0 } prefix ? prefix : "gongjiang";

    public static IServiceCollection AddGongjiangHubs(this IServiceCollection services)
    {
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 16 * 1024)
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                o.PayloadSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            })
            .AddMessagePackProtocol();
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration[RedisSetting] is not { Length: > 0 } redis) return;
            o.Configuration = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(RedisPrefix(configuration));
        });
        services.AddSingleton(typeof(Microsoft.AspNetCore.SignalR.HubLifetimeManager<>), typeof(SelectedHubLifetimeManager<>));
        services.AddOptions<LiveHubOptions>().BindConfiguration("Hubs");
        services.AddSingleton<IChatBroadcaster, SignalRChatBroadcaster>();
        services.AddSingleton<Application.LiveRooms.ILiveRoomBroadcaster, SignalRLiveRoomBroadcaster>();
        services.AddSingleton<Application.LiveRooms.ILiveRoomPresence, SelectedLiveRoomPresence>();
        return services;
    }

    public static IEndpointRouteBuilder MapGongjiangHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<ChatHub>(ChatHub.Path);
        app.MapHub<LiveRoomHub>(LiveRoomHub.Path);
        return app;
    }
}
