using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Gongjiang.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Hubs;

/// <summary>A message as a hub client receives it (docs/formats.md, "Chat hub").</summary>
public sealed class HubMessage
{
    public long Seq { get; set; }
    public string ConversationId { get; set; } = "";
    public string Side { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public long SentAt { get; set; }
    public string? JobId { get; set; }
    public string? JobTitle { get; set; }
}

public sealed class HubConversation
{
    public string Id { get; set; } = "";
    public long LastSeq { get; set; }
    public List<HubMessage> Messages { get; set; } = [];
}

public sealed class HubReply<T>
{
    public bool Ok { get; set; }
    public T? Value { get; set; }
    public string? Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>A signed-in client of one web node: its cookies, its HTTP client and hub connections that carry them.</summary>
public sealed class NodeUser(TestServer server, CookieContainer cookies)
{
    public HttpClient Http { get; } = new(new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };

    public static async Task<NodeUser> SignInAsync(TestServer server, string userName)
    {
        var user = new NodeUser(server, new CookieContainer());
        var form = await user.Http.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await user.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return user;
    }

    /// <summary>A chat hub connection over long polling (the test server's transport), JSON or MessagePack.</summary>
    public async Task<(HubConnection Connection, Channel<HubMessage> Received)> ConnectAsync(bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/chat"), o =>
        {
            o.Transports = HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
        });
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        var received = Channel.CreateUnbounded<HubMessage>();
        connection.On<HubMessage>("message", m => received.Writer.TryWrite(m));
        await connection.StartAsync();
        return (connection, received);
    }
}

public static class ChatHubScenario
{
    public const string JobBody = """{"title":"氩弧焊工","occupation_code":"6-18-02-04","min_grade":3,"city":"370211","salary":{"min":7000,"max":11000},"headcount":2,"expires_at":"2027-06-30","description":"负责管道焊接。"}""";

    /// <summary>hr1 publishes a job and seeker1 starts the conversation about it; its id.</summary>
    public static async Task<string> ConversationAsync(NodeUser hr, NodeUser seeker)
    {
        var job = await Json(await hr.Http.PostAsync("/api/v1/jobs", new StringContent(JobBody, Encoding.UTF8, "application/json")));
        var jobId = job.GetProperty("id").GetString()!;
        await Json(await hr.Http.PostAsync($"/api/v1/jobs/{jobId}/publish", null));
        return (await Json(await seeker.Http.PostAsJsonAsync("/api/v1/conversations", new { jobId }))).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<HubMessage> NextAsync(Channel<HubMessage> received)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await received.Reader.ReadAsync(timeout.Token);
    }
}

public sealed class ChatHubTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Messages_arrive_live_with_their_number_and_a_reconnecting_client_gets_what_it_missed()
    {
        var hr = await NodeUser.SignInAsync(factory.Server, "hr1");
        var seeker = await NodeUser.SignInAsync(factory.Server, "seeker1");
        var id = await ChatHubScenario.ConversationAsync(hr, seeker);

        var (hrHub, hrReceived) = await hr.ConnectAsync(messagePack: true);
        var (seekerHub, _) = await seeker.ConnectAsync();
        Assert.True((await hrHub.InvokeAsync<HubReply<HubConversation>>("Join", id, 0L)).Ok);
        Assert.True((await seekerHub.InvokeAsync<HubReply<HubConversation>>("Join", id, 0L)).Ok);

        var sent = await seekerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "您好，岗位还招人吗？");
        Assert.True(sent.Ok, sent.Message);
        var live = await ChatHubScenario.NextAsync(hrReceived);
        Assert.Equal((1L, "seeker", "您好，岗位还招人吗？", id), (live.Seq, live.Side, live.Text, live.ConversationId));
        Assert.InRange(live.SentAt, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());

        // HR goes away; two messages come meanwhile; HR comes back with the last number it holds and gets exactly those.
        await hrHub.DisposeAsync();
        Assert.True((await seekerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "我有三年经验")).Ok);
        Assert.True((await seekerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "周末可以面试")).Ok);
        var (back, backReceived) = await hr.ConnectAsync();
        var caughtUp = await back.InvokeAsync<HubReply<HubConversation>>("Join", id, live.Seq);
        Assert.True(caughtUp.Ok, caughtUp.Message);
        Assert.Equal([2L, 3L], caughtUp.Value!.Messages.Select(m => m.Seq));
        Assert.Equal(["我有三年经验", "周末可以面试"], caughtUp.Value.Messages.Select(m => m.Text));

        // A message screening holds is refused to the sender with the reason, and nobody receives it.
        var held = await seekerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "加我微信：zhangwei_88");
        Assert.Equal((false, "chat.held"), (held.Ok, held.Code));
        var card = await back.InvokeAsync<HubReply<HubMessage>>("SendJobCard", id, null);
        Assert.True(card.Ok, card.Message);
        Assert.Equal((4L, "job_card", "氩弧焊工"), ((await ChatHubScenario.NextAsync(backReceived)).Seq, card.Value!.Kind, card.Value.JobTitle));
        await back.DisposeAsync();
        await seekerHub.DisposeAsync();
    }

    [Fact]
    public async Task Another_employers_hr_can_neither_join_nor_send_nor_hear_a_conversation()
    {
        var hr = await NodeUser.SignInAsync(factory.Server, "hr1");
        var seeker = await NodeUser.SignInAsync(factory.Server, "seeker1");
        var stranger = await NodeUser.SignInAsync(factory.Server, "hr2");
        var id = await ChatHubScenario.ConversationAsync(hr, seeker);

        var (strangerHub, strangerReceived) = await stranger.ConnectAsync();
        var join = await strangerHub.InvokeAsync<HubReply<HubConversation>>("Join", id, 0L);
        Assert.Equal((false, "chat.not_found"), (join.Ok, join.Code));
        var send = await strangerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "你好");
        Assert.Equal((false, "chat.not_found"), (send.Ok, send.Code));

        var (seekerHub, seekerReceived) = await seeker.ConnectAsync();
        Assert.True((await seekerHub.InvokeAsync<HubReply<HubConversation>>("Join", id, 0L)).Ok);
        Assert.True((await seekerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "只给招聘方看")).Ok);
        Assert.Equal(1L, (await ChatHubScenario.NextAsync(seekerReceived)).Seq);
        Assert.False(strangerReceived.Reader.TryRead(out _));
        Assert.Equal(HubConnectionState.Connected, strangerHub.State);
        await strangerHub.DisposeAsync();
        await seekerHub.DisposeAsync();
    }

    [Fact]
    public async Task Flooding_is_answered_with_a_notice_and_the_connection_stays()
    {
        var hr = await NodeUser.SignInAsync(factory.Server, "hr1");
        var seeker = await NodeUser.SignInAsync(factory.Server, "seeker1");
        var id = await ChatHubScenario.ConversationAsync(hr, seeker);
        var (hub, _) = await seeker.ConnectAsync();

        var replies = new List<HubReply<HubMessage>>();
        for (var i = 0; i < 12; i++) replies.Add(await hub.InvokeAsync<HubReply<HubMessage>>("Send", id, $"第{i}条"));
        Assert.Contains(replies, r => r.Ok);
        var refused = Assert.Single(replies.Where(r => !r.Ok).Select(r => r.Code).Distinct());
        Assert.Equal("chat.sending_too_fast", refused);
        Assert.Equal(HubConnectionState.Connected, hub.State);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        var anonymous = new NodeUser(factory.Server, new CookieContainer());
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.ConnectAsync());
    }
}

/// <summary>Two web nodes over one database and one real Redis (GONGJIANG_TEST_REDIS, started by scripts/test.sh).</summary>
public sealed class ChatHubTwoNodeTests
{
    public static string Redis => Environment.GetEnvironmentVariable("GONGJIANG_TEST_REDIS") is { Length: > 0 } redis
        ? redis : throw new InvalidOperationException("GONGJIANG_TEST_REDIS is not set: scripts/test.sh starts a Redis server and sets it");

    private sealed class RedisNode(string? sharedDb) : ApiFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            if (sharedDb is not null) builder.UseSetting("db", sharedDb);
            builder.UseSetting("SignalR:Redis", Redis);
        }
    }

    [Fact]
    public async Task A_message_sent_on_one_node_reaches_a_client_on_the_other_through_redis()
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"gongjiang-nodes-{Guid.NewGuid():N}.db");
        await using var nodeA = new RedisNode(dbPath);
        await ((Xunit.IAsyncLifetime)nodeA).InitializeAsync();
        await using var nodeB = new RedisNode(dbPath);
        try
        {
            var seeker = await NodeUser.SignInAsync(nodeA.Server, "seeker1");
            var hr = await NodeUser.SignInAsync(nodeB.Server, "hr1");
            var id = await ChatHubScenario.ConversationAsync(hr, seeker);

            var (hrHub, hrReceived) = await hr.ConnectAsync();
            Assert.True((await hrHub.InvokeAsync<HubReply<HubConversation>>("Join", id, 0L)).Ok);
            var (seekerHub, seekerReceived) = await seeker.ConnectAsync();
            Assert.True((await seekerHub.InvokeAsync<HubReply<HubConversation>>("Join", id, 0L)).Ok);

            Assert.True((await seekerHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "从节点A发出")).Ok);
            var onB = await ChatHubScenario.NextAsync(hrReceived);
            Assert.Equal((1L, "从节点A发出"), (onB.Seq, onB.Text));
            var reply = await hrHub.InvokeAsync<HubReply<HubMessage>>("Send", id, "节点B收到");
            Assert.True(reply.Ok, reply.Message);
            Assert.Equal((1L, 2L), ((await ChatHubScenario.NextAsync(seekerReceived)).Seq, (await ChatHubScenario.NextAsync(seekerReceived)).Seq));
            await hrHub.DisposeAsync();
            await seekerHub.DisposeAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
        }
    }
}
