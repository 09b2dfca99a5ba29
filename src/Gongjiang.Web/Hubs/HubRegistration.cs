using Gongjiang.Application.Chat;

namespace Gongjiang.Web.Hubs;

public static class HubRegistration
{
    /// <summary>
    /// SignalR with the JSON and MessagePack protocols; with a Redis connection string in <c>SignalR:Redis</c> (several
    /// nodes) the hubs' groups span every node through the Redis backplane.
    /// </summary>
    public const string RedisSetting = "SignalR:Redis";

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
            o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("gongjiang");
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
