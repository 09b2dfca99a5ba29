using System.Net;
using System.Text.RegularExpressions;
using Gongjiang.Web.Tests.Api;

namespace Gongjiang.Web.Tests.Hubs;

/// <summary>The questions and mic partials rendered by /Live/Talk/{roomId}, and their forms posted without script.</summary>
public sealed class LiveTalkPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string roomId, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/Live/Talk/{roomId}");
        fields["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["back"] = "talk";
        return await client.PostAsync($"/Live/Talk/{roomId}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Without_script_a_seeker_asks_and_requests_the_mic_and_the_host_answers_and_sees_the_queue()
    {
        var roomId = await LiveTalkScenario.LiveRoomAsync(factory.Services);
        var seeker = await factory.SignedInAsync("seeker1");
        var hr = await factory.SignedInAsync("hr1");
        var anonymous = factory.CreateClient();

        var held = await PostAsync(seeker, roomId, "Ask", new() { ["text"] = "加我微信：zhangwei_88 细聊" });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal($"/Live/Talk/{roomId}", held.Headers.Location!.OriginalString);
        var page = await seeker.GetStringAsync($"/Live/Talk/{roomId}");
        Assert.Contains("内容未发布", page, StringComparison.Ordinal);
        Assert.DoesNotContain("zhangwei_88", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(seeker, roomId, "Ask", new() { ["text"] = "焊工岗位包住宿吗？" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(seeker, roomId, "RequestMic", new())).StatusCode);
        page = await seeker.GetStringAsync($"/Live/Talk/{roomId}");
        Assert.Contains("焊工岗位包住宿吗？", page, StringComparison.Ordinal);
        Assert.Contains("我的排位：第 1 位", page, StringComparison.Ordinal);
        Assert.Contains("id=\"live-mic-withdraw\"", page, StringComparison.Ordinal);

        // The host's view: the question with the answer form, the queue with the requester's profile summary (name masked).
        var console = await hr.GetStringAsync($"/Live/Talk/{roomId}");
        Assert.Contains("id=\"live-questions-host\"", console, StringComparison.Ordinal);
        Assert.Contains("张*", console, StringComparison.Ordinal);
        Assert.Contains("氩弧焊", console, StringComparison.Ordinal);
        Assert.Contains("三级/高级工", console, StringComparison.Ordinal);
        var questionId = Regex.Match(console, "<li class=\"live-q [^\"]*\" data-id=\"(\\d+)\"").Groups[1].Value;
        var requestId = Regex.Match(console, "<li class=\"live-queue-item\" data-id=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(questionId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(hr, roomId, "Answer", new() { ["questionId"] = questionId, ["text"] = "包住宿，四人间。", ["pin"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(hr, roomId, "AcceptMic", new() { ["requestId"] = requestId })).StatusCode);
        Assert.Contains("已接通连麦。", await hr.GetStringAsync($"/Live/Talk/{roomId}"), StringComparison.Ordinal);

        // Everyone, signed in or not, sees the pinned answer and who is on the mic; a viewer gets no moderation forms.
        var viewer = await anonymous.GetStringAsync($"/Live/Talk/{roomId}");
        Assert.Contains("包住宿，四人间。", viewer, StringComparison.Ordinal);
        Assert.Contains("正在连麦：张*", viewer, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Hide", viewer, StringComparison.Ordinal);
        Assert.Contains("id=\"live-ask-sign-in\"", viewer, StringComparison.Ordinal);
        // A viewer posting a host form is refused with the reason, and nothing changes.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(seeker, roomId, "Hide", new() { ["questionId"] = questionId })).StatusCode);
        page = await seeker.GetStringAsync($"/Live/Talk/{roomId}");
        Assert.Contains("焊工岗位包住宿吗？", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Live/Talk/L-forged-0000")).StatusCode);
    }
}
