using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Gongjiang.Web.Tests.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Hubs;

/// <summary>A room broadcast or a personal push as a hub client receives it (docs/formats.md, "Live room hub").</summary>
public sealed class LiveHubEvent
{
    public string RoomId { get; set; } = "";
    public long Seq { get; set; }
    public long SentAt { get; set; }
    public string Kind { get; set; } = "";
    public string Data { get; set; } = "";
}

public sealed class LiveHubApplied
{
    public string ApplicationId { get; set; } = "";
    public int Applications { get; set; }
}

public sealed class LiveHubMine
{
    public List<JsonElement> Pushes { get; set; } = [];
    public List<string> AppliedJobIds { get; set; } = [];
}

/// <summary>The rooms' hub methods over a real SignalR client: one-tap apply, a push to one viewer, refusals to a viewer.</summary>
public sealed class LiveRoomHubRoomsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new CookieContainerHandler(cookies) { InnerHandler = factory.Server.CreateHandler() }) { BaseAddress = factory.Server.BaseAddress };
        var form = await http.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = ApiFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (http, cookies);
    }

    private async Task<(HubConnection Hub, Channel<LiveHubEvent> Room, Channel<LiveHubEvent> Personal)> ConnectAsync(CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), o =>
        {
            o.Transports = HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = factory.Server.CreateHandler() };
        }).Build();
        var room = Channel.CreateUnbounded<LiveHubEvent>();
        var personal = Channel.CreateUnbounded<LiveHubEvent>();
        hub.On<LiveHubEvent>("room", e => room.Writer.TryWrite(e));
        hub.On<LiveHubEvent>("personal", e => personal.Writer.TryWrite(e));
        await hub.StartAsync();
        return (hub, room, personal);
    }

    private static async Task<LiveHubEvent> NextAsync(Channel<LiveHubEvent> received, string kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await received.Reader.ReadAsync(timeout.Token);
            if (e.Kind == kind) return e;
        }
    }

    [Fact]
    public async Task A_push_reaches_only_its_viewer_live_the_viewer_applies_in_one_tap_and_host_methods_are_refused_to_viewers()
    {
        var (hr, hrCookies) = await SignInAsync("hr1");
        var (_, seekerCookies) = await SignInAsync("seeker1");
        var (_, otherCookies) = await SignInAsync("seeker2");
        var job = await ChatHubScenario.Json(await hr.PostAsync("/api/v1/jobs", new StringContent(ChatHubScenario.JobBody, System.Text.Encoding.UTF8, "application/json")));
        var jobId = job.GetProperty("id").GetString()!;
        await ChatHubScenario.Json(await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null));
        var roomId = (await ChatHubScenario.Json(await hr.PostAsJsonAsync("/api/v1/live-rooms", new
        {
            title = "蓝芯直播带岗", hostName = "李经理", streamUrl = "https://live.example.cn/x.flv", startsAt = DateTime.UtcNow, endsAt = DateTime.UtcNow.AddHours(1),
            jobIds = new[] { jobId },
        }))).GetProperty("id").GetString()!;
        await ChatHubScenario.Json(await hr.PostAsync($"/api/v1/live-rooms/{roomId}/start", null));

        var (hrHub, _, _) = await ConnectAsync(hrCookies);
        var (seekerHub, seekerRoom, seekerPersonal) = await ConnectAsync(seekerCookies);
        var (otherHub, otherRoom, otherPersonal) = await ConnectAsync(otherCookies);
        Assert.Equal("live.not_found", (await seekerHub.InvokeAsync<HubReply<JsonElement>>("Join", "L-forged-room", 0L)).Code);
        Assert.True((await seekerHub.InvokeAsync<HubReply<JsonElement>>("Join", roomId, 0L)).Ok);
        Assert.True((await otherHub.InvokeAsync<HubReply<JsonElement>>("Join", roomId, 0L)).Ok);
        Assert.True((await hrHub.InvokeAsync<HubReply<JsonElement>>("Join", roomId, 0L)).Ok);

        // A viewer calling host methods is refused, and stays connected.
        Assert.Equal("live.host_only", (await seekerHub.InvokeAsync<HubReply<JsonElement>>("Push", roomId, "anyone", "offer", jobId, null, 9000, null)).Code);
        Assert.Equal("live.host_only", (await seekerHub.InvokeAsync<HubReply<JsonElement>>("Console", roomId)).Code);
        Assert.Equal("live.host_only", (await otherHub.InvokeAsync<HubReply<JsonElement>>("End", roomId)).Code);

        var console = await hrHub.InvokeAsync<HubReply<JsonElement>>("Console", roomId);
        Assert.True(console.Ok, console.Message);
        // The host's console lists the two signed-in seekers watching (names masked), not the host.
        var audience = console.Value.GetProperty("audience").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
        Assert.Equal(2, audience.Count);
        Assert.All(audience, name => Assert.Contains('*', name));
        var mine = await seekerHub.InvokeAsync<HubReply<LiveHubMine>>("Mine", roomId);
        Assert.Empty(mine.Value!.Pushes);

        // The host pushes an offer outside the shown pay: refused without a reason, delivered with one to that viewer only.
        var target = await UserIdOfAsync("seeker1");
        Assert.Equal("live.offer_reason_required", (await hrHub.InvokeAsync<HubReply<JsonElement>>("Push", roomId, target, "offer", jobId, null, 20000, null)).Code);
        var pushed = await hrHub.InvokeAsync<HubReply<JsonElement>>("Push", roomId, target, "offer", jobId, "欢迎加入", 20000, "持证焊工按技师岗定薪");
        Assert.True(pushed.Ok, pushed.Message);
        var offer = await NextAsync(seekerPersonal, "offer");
        var data = JsonDocument.Parse(offer.Data).RootElement;
        Assert.Equal((20000, "持证焊工按技师岗定薪", 7000, 11000), (data.GetProperty("monthlyPay").GetInt32(), data.GetProperty("payReason").GetString(),
            data.GetProperty("payMin").GetInt32(), data.GetProperty("payMax").GetInt32()));

        // One tap: the application, and everyone hears the count (no personal data).
        var applied = await seekerHub.InvokeAsync<HubReply<LiveHubApplied>>("Apply", roomId, jobId);
        Assert.True(applied.Ok, applied.Message);
        Assert.Equal(1, applied.Value!.Applications);
        Assert.Equal("""{"count":1}""", (await NextAsync(otherRoom, "applications")).Data);
        Assert.Equal("""{"count":1}""", (await NextAsync(seekerRoom, "applications")).Data);
        Assert.Equal("recruiting.already_applied", (await seekerHub.InvokeAsync<HubReply<LiveHubApplied>>("Apply", roomId, jobId)).Code);
        mine = await seekerHub.InvokeAsync<HubReply<LiveHubMine>>("Mine", roomId);
        Assert.Single(mine.Value!.Pushes);
        Assert.Equal([jobId], mine.Value.AppliedJobIds);
        Assert.False(otherPersonal.Reader.TryRead(out _), "the other viewer received a push meant for one");
        Assert.Empty((await otherHub.InvokeAsync<HubReply<LiveHubMine>>("Mine", roomId)).Value!.Pushes);

        await hrHub.DisposeAsync();
        await seekerHub.DisposeAsync();
        await otherHub.DisposeAsync();
    }

    private async Task<string> UserIdOfAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }
}
