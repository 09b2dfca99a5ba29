using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>用户管理: administrators find accounts, change roles, disable and enable, unlock — each change logged; nobody else can.</summary>
public sealed class UsersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("admin1") is not null) return;
        var admin = new AppUser { UserName = "admin1", DisplayName = "平台管理员" };
        Assert.True((await users.CreateAsync(admin, ApiFactory.Password)).Succeeded);
        await users.AddToRoleAsync(admin, Roles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private async Task<string> IdOfAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Only_administrators_manage_accounts()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("operator1")).GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("hr1")).PostAsJsonAsync($"/api/v1/users/{await IdOfAsync("hr2")}/disable", new { reason = "x" })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await factory.SignedInAsync("operator1")).GetAsync("/Operator/Users")).StatusCode);
        var page = await (await factory.SignedInAsync("admin1")).GetStringAsync("/Operator/Users?q=hr");
        Assert.Contains("data-user=\"hr1\"", page);
        Assert.DoesNotContain("data-user=\"seeker1\"", page);
    }

    [Fact]
    public async Task An_administrator_finds_disables_enables_and_unlocks_accounts_and_every_change_is_logged()
    {
        var admin = await factory.SignedInAsync("admin1");
        var found = await Json(await admin.GetAsync("/api/v1/users?q=hr&role=EmployerHR"), HttpStatusCode.OK);
        Assert.Equal(["hr1", "hr2"], found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()).Order());
        var hr2 = await IdOfAsync("hr2");

        var noReason = await Json(await admin.PostAsJsonAsync($"/api/v1/users/{hr2}/disable", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var disabled = await Json(await admin.PostAsJsonAsync($"/api/v1/users/{hr2}/disable", new { reason = "已离职" }), HttpStatusCode.OK);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        var refused = await LoginAsync("hr2", ApiFactory.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("账号已停用", await refused.Content.ReadAsStringAsync());
        await Json(await admin.PostAsync($"/api/v1/users/{hr2}/enable", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync("hr2", ApiFactory.Password)).StatusCode);

        // Five wrong passwords lock seeker2; the administrator unlocks it before the lockout runs out.
        for (var i = 0; i < 5; i++) await LoginAsync("seeker2", "wrong-password-1");
        var seeker2 = await IdOfAsync("seeker2");
        var locked = (await Json(await admin.GetAsync("/api/v1/users?q=seeker2"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.True(locked.GetProperty("locked").GetBoolean());
        await Json(await admin.PostAsync($"/api/v1/users/{seeker2}/unlock", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync("seeker2", ApiFactory.Password)).StatusCode);

        // Roles: an employer's or seeker's role needs what goes with it; an administrator keeps their own Admin role.
        var seekerRole = await Json(await admin.PutAsJsonAsync($"/api/v1/users/{await IdOfAsync("operator1")}/roles", new { roles = new[] { "Seeker" } }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("user.seeker_role_without_profile", seekerRole.GetProperty("code").GetString());
        var own = await Json(await admin.PutAsJsonAsync($"/api/v1/users/{await IdOfAsync("admin1")}/roles", new { roles = new[] { "Operator" } }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("user.own_admin_role", own.GetProperty("code").GetString());
        var changed = await Json(await admin.PutAsJsonAsync($"/api/v1/users/{hr2}/roles", new { roles = new[] { "EmployerHR", "Agency" } }), HttpStatusCode.OK);
        Assert.Equal(["Agency", "EmployerHR"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());

        using var scope = factory.Services.CreateScope();
        var log = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceLog.AsNoTracking()
            .Where(e => e.TargetKind == "account").Select(e => new { e.Action, e.TargetId, e.Reason }).ToListAsync();
        Assert.Contains(log, e => e.Action == "account.disabled" && e.TargetId == hr2 && e.Reason == "已离职");
        Assert.Contains(log, e => e.Action == "account.enabled" && e.TargetId == hr2);
        Assert.Contains(log, e => e.Action == "account.unlocked" && e.TargetId == seeker2);
        Assert.Contains(log, e => e.Action == "account.roles_changed" && e.TargetId == hr2 && e.Reason == "EmployerHR → Agency,EmployerHR");
    }
}
