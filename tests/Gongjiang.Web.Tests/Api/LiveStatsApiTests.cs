using System.Net;
using System.Text.Json;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>GET /api/v1/live-rooms/{id}/stats: JSON for the host, the CSV and XLSX downloads by suffix or ?format=, refusals as ProblemDetails.</summary>
public sealed class LiveStatsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<string> RoomWithAnApplicationAsync()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var hr1 = await services.GetRequiredService<AppDbContext>().Users.AsNoTracking().FirstAsync(u => u.UserName == "hr1");
        services.GetRequiredService<ActingUser>().Actor = new Actor(hr1.Id, [Roles.EmployerHR], hr1.EmployerId, null);
        var useCases = services.GetRequiredService<IUseCases>();
        var room = (await useCases.RunAsync(new ScheduleLiveRoom.Command("海卓直播招聘", null, null, "https://live.example.com/a.m3u8", null,
            DateTime.UtcNow, DateTime.UtcNow.AddHours(1), []))).Value;
        Assert.True((await useCases.RunAsync(new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live))).Succeeded);
        var db = services.GetRequiredService<AppDbContext>();
        db.Add(new LiveRoomActivity { RoomId = room.Id, Kind = LiveRoomActivityKinds.Application, At = DateTime.UtcNow, UserId = "seed-t1" });
        await db.SaveChangesAsync();
        return room.Id;
    }

    [Fact]
    public async Task The_host_reads_the_figures_as_json_csv_and_xlsx_and_others_are_refused_clearly()
    {
        var id = await RoomWithAnApplicationAsync();
        var hr = await factory.SignedInAsync("hr1");

        var json = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/live-rooms/{id}/stats")).RootElement;
        Assert.Equal(id, json.GetProperty("room").GetProperty("id").GetString());
        Assert.Equal(1, json.GetProperty("totals").GetProperty("applications").GetInt32());
        Assert.Equal(1, json.GetProperty("minutes").EnumerateArray().Sum(m => m.GetProperty("applications").GetInt32()));

        var csv = await hr.GetAsync($"/api/v1/live-rooms/{id}/stats?format=csv");
        Assert.Equal(("text/csv", $"live-stats-{id}-minutes.csv"), (csv.Content.Headers.ContentType?.MediaType, csv.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
        Assert.StartsWith("minute,viewers,new_viewers,questions,answers,mic_links,applications,invitations,offers", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        var totals = await hr.GetStringAsync($"/api/v1/live-rooms/{id}/stats.csv?part=totals");
        Assert.Contains("applications,1", totals, StringComparison.Ordinal);
        var xlsx = await hr.GetAsync($"/api/v1/live-rooms/{id}/stats.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));

        var bad = await hr.GetAsync($"/api/v1/live-rooms/{id}/stats?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("live.stats_bad_format", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var other = await (await factory.SignedInAsync("hr2")).GetAsync($"/api/v1/live-rooms/{id}/stats");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains("live.not_found", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("seeker1")).GetAsync($"/api/v1/live-rooms/{id}/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsync("operator1")).GetAsync($"/api/v1/live-rooms/{id}/stats")).StatusCode);
    }
}
