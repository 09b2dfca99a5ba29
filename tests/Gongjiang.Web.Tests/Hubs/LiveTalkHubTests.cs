using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Hubs;

/// <summary>A room broadcast as a hub client receives it (docs/formats.md, "Live room hub").</summary>
public sealed class RoomBroadcast
{
    public string RoomId { get; set; } = "";
    public long Seq { get; set; }
    public long SentAt { get; set; }
    public string Kind { get; set; } = "";
    public string Data { get; set; } = "{}";
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

public sealed class PersonalPushMessage
{
    public string Kind { get; set; } = "";
    public string Data { get; set; } = "{}";
}

public sealed class RoomState
{
    public long LastSeq { get; set; }
    public List<RoomBroadcast> Missed { get; set; } = [];
}

public sealed class TalkState
{
    public bool Host { get; set; }
    public bool Muted { get; set; }
    public int Waiting { get; set; }
    public List<JsonElement> Questions { get; set; } = [];
    public List<JsonElement> Queue { get; set; } = [];
    public MicTurn? MyTurn { get; set; }
}

public sealed class MicTurn
{
    public long RequestId { get; set; }
    public string Status { get; set; } = "";
    public int? Position { get; set; }
}

public sealed class QuestionReply
{
    public long Id { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>One client of the live-room hub: its connection and what reached it.</summary>
public sealed record LiveClient(HubConnection Connection, Channel<RoomBroadcast> Room, Channel<PersonalPushMessage> Personal) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    public static async Task<LiveClient> ConnectAsync(TestServer server, CookieContainer cookies, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/live"), o =>
        {
            o.Transports = HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
        });
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        var room = Channel.CreateUnbounded<RoomBroadcast>();
        var personal = Channel.CreateUnbounded<PersonalPushMessage>();
        connection.On<RoomBroadcast>("room", b => room.Writer.TryWrite(b));
        connection.On<PersonalPushMessage>("personal", p => personal.Writer.TryWrite(p));
        await connection.StartAsync();
        return new LiveClient(connection, room, personal);
    }

    public async Task<RoomState> JoinAsync(string roomId, long afterSeq = 0)
    {
        var joined = await Connection.InvokeAsync<HubReply<RoomState>>("Join", roomId, afterSeq);
        Assert.True(joined.Ok, joined.Message);
        return joined.Value!;
    }

    /// <summary>The next broadcast of this kind (others are passed over).</summary>
    public async Task<RoomBroadcast> NextAsync(string kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = await Room.Reader.ReadAsync(timeout.Token);
            if (next.Kind == kind) return next;
        }
    }

    public async Task<PersonalPushMessage> NextPersonalAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Personal.Reader.ReadAsync(timeout.Token);
    }
}

public static class LiveTalkScenario
{
    /// <summary>The HR user (hr1 unless named) schedules a room of its employer with an RTC link and goes on air; the room's id.</summary>
    public static async Task<string> LiveRoomAsync(IServiceProvider services, string hrUser = "hr1")
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var hr = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(hrUser);
        sp.GetRequiredService<ActingUser>().Actor = new Actor(hr!.Id, [Roles.EmployerHR], hr.EmployerId, null);
        var useCases = sp.GetRequiredService<IUseCases>();
        var now = DateTime.UtcNow;
        var room = await useCases.RunAsync(new ScheduleLiveRoom.Command("海卓精密 焊工专场", "王总监", "", "https://live.example.cn/hz.m3u8",
            "https://rtc.example.cn/room/hz", now, now.AddHours(2), []));
        Assert.True(room.Succeeded, room.ToString());
        Assert.True((await useCases.RunAsync(new ChangeLiveRoomStatus.Command(room.Value.Id, LiveRoomStatus.Live))).Succeeded);
        return room.Value.Id;
    }

    public static async Task<(NodeUser User, CookieContainer Cookies)> SignInAsync(TestServer server, string userName)
    {
        var cookies = new CookieContainer();
        var user = new NodeUser(server, cookies);
        var form = await user.Http.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await user.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (user, cookies);
    }
}

public sealed class LiveTalkHubTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Flooding_questions_is_answered_with_a_notice_and_the_connection_stays()
    {
        var roomId = await LiveTalkScenario.LiveRoomAsync(factory.Services);
        var (_, cookies) = await LiveTalkScenario.SignInAsync(factory.Server, "seeker1");
        await using var seeker = await LiveClient.ConnectAsync(factory.Server, cookies);
        await seeker.JoinAsync(roomId);

        var replies = new List<HubReply<QuestionReply>>();
        for (var i = 0; i < 12; i++) replies.Add(await seeker.Connection.InvokeAsync<HubReply<QuestionReply>>("Ask", roomId, $"第{i}个问题：包吃住吗？"));
        Assert.Contains(replies, r => r.Ok);
        Assert.Equal("live.sending_too_fast", Assert.Single(replies.Where(r => !r.Ok).Select(r => r.Code).Distinct()));
        Assert.Contains(replies, r => !r.Ok && r.Message!.Length > 0);
        Assert.Equal(HubConnectionState.Connected, seeker.Connection.State);
    }

    [Fact]
    public async Task A_forged_room_is_refused_and_a_viewer_invoking_host_methods_is_refused_without_losing_the_connection()
    {
        var roomId = await LiveTalkScenario.LiveRoomAsync(factory.Services);
        var (_, seekerCookies) = await LiveTalkScenario.SignInAsync(factory.Server, "seeker1");
        var (_, strangerCookies) = await LiveTalkScenario.SignInAsync(factory.Server, "hr2");
        await using var seeker = await LiveClient.ConnectAsync(factory.Server, seekerCookies, messagePack: true);
        await using var stranger = await LiveClient.ConnectAsync(factory.Server, strangerCookies);
        await using var anonymous = await LiveClient.ConnectAsync(factory.Server, new CookieContainer());

        foreach (var forged in new[] { "L-forged-0000", "'; drop table LiveRooms; --", new string('L', 500) })
        {
            var join = await stranger.Connection.InvokeAsync<HubReply<RoomState>>("Join", forged, 0L);
            Assert.Equal((false, "live.not_found"), (join.Ok, join.Code));
            var ask = await stranger.Connection.InvokeAsync<HubReply<QuestionReply>>("Ask", forged, "你好");
            Assert.Equal((false, "live.not_found"), (ask.Ok, ask.Code));
            Assert.Equal("live.not_found", (await stranger.Connection.InvokeAsync<HubReply<TalkState>>("Talk", forged)).Code);
        }

        await seeker.JoinAsync(roomId);
        var question = await seeker.Connection.InvokeAsync<HubReply<QuestionReply>>("Ask", roomId, "夜班有补贴吗？");
        Assert.True(question.Ok, question.Message);
        Assert.Equal(question.Value!.Id, (await seeker.NextAsync("question")).Json.GetProperty("id").GetInt64());
        var turn = await seeker.Connection.InvokeAsync<HubReply<MicTurn>>("RequestMic", roomId);
        Assert.True(turn.Ok, turn.Message);
        // A viewer (this seeker) and another employer's HR may not moderate; each refusal is an answer, not a disconnect.
        foreach (var outsider in new[] { seeker, stranger })
        {
            Assert.Equal("live.host_only", (await outsider.Connection.InvokeAsync<HubReply<QuestionReply>>("Answer", roomId, question.Value!.Id, "有", true)).Code);
            Assert.Equal("live.host_only", (await outsider.Connection.InvokeAsync<HubReply<QuestionReply>>("Pin", roomId, question.Value.Id, true)).Code);
            Assert.Equal("live.host_only", (await outsider.Connection.InvokeAsync<HubReply<object>>("Hide", roomId, question.Value.Id)).Code);
            Assert.Equal("live.host_only", (await outsider.Connection.InvokeAsync<HubReply<object>>("Mute", roomId, "anyone", true)).Code);
            Assert.Equal("live.host_only", (await outsider.Connection.InvokeAsync<HubReply<object>>("AcceptMic", roomId, turn.Value!.RequestId)).Code);
            Assert.Equal("live.host_only", (await outsider.Connection.InvokeAsync<HubReply<object>>("EndMic", roomId, turn.Value.RequestId)).Code);
            Assert.Equal(HubConnectionState.Connected, outsider.Connection.State);
        }
        Assert.Equal("live.sign_in_required", (await anonymous.Connection.InvokeAsync<HubReply<QuestionReply>>("Ask", roomId, "匿名提问")).Code);
        Assert.Equal("live.sign_in_required", (await anonymous.Connection.InvokeAsync<HubReply<MicTurn>>("RequestMic", roomId)).Code);
        Assert.Single((await anonymous.Connection.InvokeAsync<HubReply<TalkState>>("Talk", roomId)).Value!.Questions);
        // Still connected and still heard: the seeker's next question goes through.
        Assert.True((await seeker.Connection.InvokeAsync<HubReply<QuestionReply>>("Ask", roomId, "几点上班？")).Ok);
        Assert.Equal("几点上班？", (await seeker.NextAsync("question")).Json.GetProperty("text").GetString());
    }
}

/// <summary>Two web nodes over one database and one real Redis (GONGJIANG_TEST_REDIS).</summary>
public sealed class LiveTalkHubTwoNodeTests
{
    private sealed class RedisNode(string sharedDb) : ApiFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("db", sharedDb);
            builder.UseSetting("SignalR:Redis", ChatHubTwoNodeTests.Redis);
        }
    }

    [Fact]
    public async Task Questions_and_the_mic_reach_both_nodes_in_order_and_a_reconnecting_viewer_gets_what_it_missed_and_its_queue_place()
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"gongjiang-live-{Guid.NewGuid():N}.db");
        await using var nodeA = new RedisNode(dbPath);
        await ((Xunit.IAsyncLifetime)nodeA).InitializeAsync();
        await using var nodeB = new RedisNode(dbPath);
        try
        {
            var roomId = await LiveTalkScenario.LiveRoomAsync(nodeA.Services);
            var (_, hrCookies) = await LiveTalkScenario.SignInAsync(nodeA.Server, "hr1");
            var (_, askerCookies) = await LiveTalkScenario.SignInAsync(nodeA.Server, "seeker1");
            var (_, viewerCookies) = await LiveTalkScenario.SignInAsync(nodeB.Server, "seeker2");
            await using var host = await LiveClient.ConnectAsync(nodeA.Server, hrCookies);
            await using var asker = await LiveClient.ConnectAsync(nodeA.Server, askerCookies);
            var viewer = await LiveClient.ConnectAsync(nodeB.Server, viewerCookies, messagePack: true);
            await host.JoinAsync(roomId);
            await asker.JoinAsync(roomId);
            var joined = await viewer.JoinAsync(roomId);

            // A question asked on node A reaches the viewer on node B with the room's next number.
            var asked = await asker.Connection.InvokeAsync<HubReply<QuestionReply>>("Ask", roomId, "焊工岗位包住宿吗？");
            Assert.True(asked.Ok, asked.Message);
            var onB = await viewer.NextAsync("question");
            Assert.Equal((joined.LastSeq + 1, roomId, "焊工岗位包住宿吗？"), (onB.Seq, onB.RoomId, onB.Json.GetProperty("text").GetString()));
            Assert.Equal("张*", onB.Json.GetProperty("asker").GetString());
            Assert.InRange(onB.SentAt, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());

            // The viewer on B asks for the mic: the host on A sees the queue with the profile summary.
            var turn = await viewer.Connection.InvokeAsync<HubReply<MicTurn>>("RequestMic", roomId);
            Assert.True(turn.Ok, turn.Message);
            Assert.Equal(1, turn.Value!.Position);
            Assert.Equal(1, (await host.NextAsync("mic_queue")).Json.GetProperty("waiting").GetInt32());
            var hostView = (await host.Connection.InvokeAsync<HubReply<TalkState>>("Talk", roomId)).Value!;
            Assert.Equal("李*", Assert.Single(hostView.Queue).GetProperty("name").GetString());

            // The viewer drops; meanwhile the asker also requests the mic and the host answers, pinned.
            var lastHeld = onB.Seq;
            await viewer.DisposeAsync();
            Assert.True((await asker.Connection.InvokeAsync<HubReply<MicTurn>>("RequestMic", roomId)).Ok);
            var answered = await host.Connection.InvokeAsync<HubReply<QuestionReply>>("Answer", roomId, asked.Value!.Id, "包住宿，四人间。", true);
            Assert.True(answered.Ok, answered.Message);

            // It comes back on node A with the last number it held: exactly what it missed, and its place in the queue.
            var (_, againCookies) = await LiveTalkScenario.SignInAsync(nodeA.Server, "seeker2");
            await using var back = await LiveClient.ConnectAsync(nodeA.Server, againCookies);
            var caughtUp = await back.JoinAsync(roomId, lastHeld);
            // Every broadcast after the held number, none skipped (the viewer count may have changed meanwhile too).
            Assert.Equal(Enumerable.Range(1, caughtUp.Missed.Count).Select(i => lastHeld + i), caughtUp.Missed.Select(b => b.Seq));
            var talk = caughtUp.Missed.Where(b => b.Kind != "viewers").ToList();
            Assert.Equal(["mic_queue", "mic_queue", "answer"], talk.Select(b => b.Kind));
            Assert.Equal("包住宿，四人间。", talk[2].Json.GetProperty("answer").GetString());
            var mine = (await back.Connection.InvokeAsync<HubReply<TalkState>>("Talk", roomId)).Value!;
            Assert.Equal(("waiting", 1, 2), (mine.MyTurn!.Status, mine.MyTurn.Position, mine.Waiting));

            // The host on A takes the viewer on the mic: its own connection gets the RTC link, everyone hears on_mic.
            var accepted = await host.Connection.InvokeAsync<HubReply<JsonElement>>("AcceptMic", roomId, turn.Value.RequestId);
            Assert.True(accepted.Ok, accepted.Message);
            var push = await back.NextPersonalAsync();
            Assert.Equal("mic_accepted", push.Kind);
            Assert.Equal("https://rtc.example.cn/room/hz", JsonDocument.Parse(push.Data).RootElement.GetProperty("rtcUrl").GetString());
            Assert.Equal("李*", (await asker.NextAsync("on_mic")).Json.GetProperty("guest").GetString());
            var ended = await host.Connection.InvokeAsync<HubReply<long>>("EndMic", roomId, turn.Value.RequestId);
            Assert.True(ended.Ok, ended.Message);
            Assert.Equal(ended.Value, (await back.NextAsync("mic_ended")).Json.GetProperty("seconds").GetInt64());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
        }
    }
}
