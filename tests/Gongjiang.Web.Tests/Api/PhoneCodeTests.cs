using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>The app on a clock the test moves, so codes expire and limits reset without waiting.</summary>
public sealed class ClockedApiFactory : ApiFactory
{
    public MovableClock Clock { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
}

/// <summary>Every request arrives from one address, as from a venue's Wi-Fi (the in-memory server has none of its own).</summary>
public sealed class FromAddress(IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, following) =>
        {
            http.Connection.RemoteIpAddress = address;
            await following();
        });
        next(app);
    };
}

public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// One-time SMS codes: sign-up, sign-in, 忘记密码 and a change of number. Codes are single-use, expire in 5 minutes, are
/// spent by 5 wrong answers and are limited per number and per address; the answers never tell whether a number is on record.
/// </summary>
public sealed class PhoneCodeTests : IClassFixture<ClockedApiFactory>
{
    private readonly ClockedApiFactory factory;

    public PhoneCodeTests(ClockedApiFactory factory)
    {
        this.factory = factory;
        factory.Clock.Advance(TimeSpan.FromHours(2)); // each test starts after the last one's limits have passed
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string phone, string purpose) =>
        client.PostAsJsonAsync("/api/v1/account/phone-codes", new { phone, purpose });

    private static object Registration(string userName, string phone, string? code) =>
        new { userName, password = ApiFactory.Password, name = "周晓峰", phone, code, birthYear = 1995, consent = true };

    [Fact]
    public async Task Sign_up_answers_the_same_for_a_known_and_an_unknown_number_and_needs_the_code()
    {
        var client = factory.CreateClient();
        // seeker1's number is on record with an account; 13600000101 is not.
        var known = await AskAsync(client, "13812345678", "register");
        var unknown = await AskAsync(client, "13600000101", "register");
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        // The holder of the known number is told, without a code; the new number gets one.
        Assert.Null(factory.Sms.LatestCode("13812345678"));
        Assert.Contains("您已有账号", factory.Sms.To("13812345678")[^1]);
        var code = factory.Sms.LatestCode("13600000101");
        Assert.NotNull(code);

        // Registering either number with a guessed code fails the same way.
        var guessedKnown = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("guess_known", "13812345678", "123456")), HttpStatusCode.BadRequest);
        var wrong = code == "000000" ? "111111" : "000000";
        var guessedNew = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("guess_new", "13600000101", wrong)), HttpStatusCode.BadRequest);
        Assert.Equal("code.wrong", guessedKnown.GetProperty("codes").GetProperty("code")[0].GetString());
        Assert.Equal(guessedKnown.GetProperty("codes").GetRawText(), guessedNew.GetProperty("codes").GetRawText());
        var noCode = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("no_code", "13600000101", null)), HttpStatusCode.BadRequest);
        Assert.True(noCode.GetProperty("errors").TryGetProperty("code", out _));

        // The right code registers once; the same code cannot register a second account.
        var created = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("with_code", "13600000101", code)), HttpStatusCode.Created);
        Assert.StartsWith("T", created.GetProperty("talentId").GetString());
        await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("with_code_again", "13600000101", code)), HttpStatusCode.BadRequest);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["with_code"], await db.Users.Where(u => u.UserName!.StartsWith("guess_") || u.UserName!.StartsWith("with_code") || u.UserName == "no_code")
            .Select(u => u.UserName!).ToListAsync());
    }

    [Fact]
    public async Task A_person_whose_profile_was_imported_claims_it_with_the_code_sent_to_its_number()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Import.ImportService>();
            var report = await import.ImportTalentAsync(new StringReader(
                """{"id":"T-CLAIM","name":"王磊","phone":"13600000202","city":"370211","occupations":[{"code":"6-18-02-04","grade":4}],"skills":["二氧化碳气体保护焊"]}"""),
                "claim.jsonl");
            Assert.Equal(1, report.Inserted);
        }
        var client = factory.CreateClient();
        await Json(await AskAsync(client, "13600000202", "register"), HttpStatusCode.Accepted);
        var created = await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("wang_lei", "13600000202", factory.Sms.LatestCode("13600000202"))),
            HttpStatusCode.Created);
        Assert.Equal("T-CLAIM", created.GetProperty("talentId").GetString());

        var mine = await (await factory.SignedInAsync("wang_lei")).GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        Assert.Equal("T-CLAIM", mine.GetProperty("id").GetString());
        Assert.Equal("周晓峰", mine.GetProperty("name").GetString()); // the name as the person gave it
        Assert.Contains("二氧化碳气体保护焊", mine.GetProperty("skills").GetRawText()); // the imported résumé is theirs now
        // Now the number has an account: a second sign-up by it gets the notice, not a code.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Json(await AskAsync(client, "13600000202", "register"), HttpStatusCode.Accepted);
        Assert.Null(factory.Sms.LatestCode("13600000202"));
    }

    [Fact]
    public async Task A_code_is_used_once_expires_after_5_minutes_and_is_spent_by_5_wrong_answers()
    {
        var client = factory.CreateClient();
        var phone = "13812345678"; // seeker1
        await Json(await AskAsync(client, phone, "signIn"), HttpStatusCode.Accepted);
        var code = factory.Sms.LatestCode(phone)!;
        Assert.NotNull(code);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCodeLoginAsync(phone, code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostCodeLoginAsync(phone, code)).StatusCode); // used

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await Json(await AskAsync(client, phone, "signIn"), HttpStatusCode.Accepted);
        code = factory.Sms.LatestCode(phone)!;
        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var expired = await PostCodeLoginAsync(phone, code);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("验证码错误或已失效", await expired.Content.ReadAsStringAsync());

        await Json(await AskAsync(client, phone, "signIn"), HttpStatusCode.Accepted);
        code = factory.Sms.LatestCode(phone)!;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await PostCodeLoginAsync(phone, wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostCodeLoginAsync(phone, code)).StatusCode); // spent by the wrong answers
        factory.Clock.Advance(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Codes_are_limited_per_number_and_per_address()
    {
        var client = factory.CreateClient();
        const string phone = "13600000303";
        await Json(await AskAsync(client, phone, "register"), HttpStatusCode.Accepted);
        var tooSoon = await Json(await AskAsync(client, phone, "register"), HttpStatusCode.TooManyRequests);
        Assert.Equal("code.too_soon", tooSoon.GetProperty("code").GetString());
        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(61));
            await Json(await AskAsync(client, phone, i % 2 == 0 ? "signIn" : "register"), HttpStatusCode.Accepted); // every purpose counts
        }
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var perHour = await Json(await AskAsync(client, phone, "register"), HttpStatusCode.TooManyRequests);
        Assert.Equal("code.too_many_for_phone", perHour.GetProperty("code").GetString());
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await Json(await AskAsync(client, phone, "register"), HttpStatusCode.Accepted);

        // One address asking for many numbers is held at its own ceiling.
        await using var strict = factory.WithWebHostBuilder(b => b.UseSetting("PhoneCodes:PerAddressPerHour", "3")
            .ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromAddress(IPAddress.Parse("203.0.113.9")))));
        var other = strict.CreateClient();
        for (var i = 0; i < 3; i++) await Json(await AskAsync(other, $"1360000041{i}", "register"), HttpStatusCode.Accepted);
        var perAddress = await Json(await AskAsync(other, "13600000419", "register"), HttpStatusCode.TooManyRequests);
        Assert.Equal("code.too_many_for_address", perAddress.GetProperty("code").GetString());
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var notAPhone = await Json(await AskAsync(client, "12345", "register"), HttpStatusCode.BadRequest);
        Assert.True(notAPhone.GetProperty("errors").TryGetProperty("phone", out _));
        await Json(await client.PostAsync("/api/v1/account/phone-codes", JsonContent.Create(new { phone = "13600000501", purpose = "launch" })), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_code_and_the_new_one_signs_in()
    {
        var client = factory.CreateClient();
        using (var scope = factory.Services.CreateScope())
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Import.ImportService>().ImportTalentAsync(
                new StringReader("""{"id":"T-RESET","name":"赵敏","phone":"13600000606","city":"370211"}"""), "reset.jsonl")).Inserted);
        await Json(await AskAsync(client, "13600000606", "register"), HttpStatusCode.Accepted);
        await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("zhao_min", "13600000606", factory.Sms.LatestCode("13600000606"))), HttpStatusCode.Created);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        // A number with no account gets no code, with the same answer.
        await Json(await AskAsync(client, "13600000607", "resetPassword"), HttpStatusCode.Accepted);
        Assert.Empty(factory.Sms.To("13600000607"));
        await Json(await AskAsync(client, "13600000606", "resetPassword"), HttpStatusCode.Accepted);
        var code = factory.Sms.LatestCode("13600000606");
        var weak = await Json(await client.PostAsJsonAsync("/api/v1/account/password/reset", new { phone = "13600000606", code, newPassword = "short" }), HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("newPassword", out _));
        await Json(await client.PostAsJsonAsync("/api/v1/account/password/reset", new { phone = "13600000606", code, newPassword = "New-pass-2027" }), HttpStatusCode.NoContent);
        await Json(await client.PostAsJsonAsync("/api/v1/account/password/reset", new { phone = "13600000606", code, newPassword = "Other-pass-2027" }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync("13600000606", "New-pass-2027")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostLoginAsync("zhao_min", ApiFactory.Password)).StatusCode);
        using (var scope = factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceLog.AnyAsync(e => e.Action == "account.password_reset"));
    }

    [Fact]
    public async Task A_seeker_changes_the_number_only_with_the_code_sent_to_the_new_one()
    {
        var client = factory.CreateClient();
        await Json(await AskAsync(client, "13600000707", "register"), HttpStatusCode.Accepted);
        await Json(await client.PostAsJsonAsync("/api/v1/account/register", Registration("mover", "13600000707", factory.Sms.LatestCode("13600000707"))), HttpStatusCode.Created);
        var mover = await factory.SignedInAsync("mover");

        // The profile form does not change the number: a different one is refused, the same or none keeps it.
        var sneaky = await Json(await mover.PutAsJsonAsync("/api/v1/talent/me", new { phone = "13987654321" }), HttpStatusCode.BadRequest);
        Assert.Equal("talent.phone_change_needs_code", sneaky.GetProperty("codes").GetProperty("phone")[0].GetString());
        await Json(await mover.PutAsJsonAsync("/api/v1/talent/me", new { city = "370211" }), HttpStatusCode.OK);

        // Another profile's number gets no code (the same answer), so it cannot be taken.
        await Json(await AskAsync(mover, "13987654321", "changePhone"), HttpStatusCode.Accepted);
        Assert.Null(factory.Sms.LatestCode("13987654321"));
        await Json(await mover.PostAsJsonAsync("/api/v1/account/phone", new { phone = "13987654321", code = "123456" }), HttpStatusCode.BadRequest);

        await Json(await AskAsync(mover, "13600000708", "changePhone"), HttpStatusCode.Accepted);
        await Json(await mover.PostAsJsonAsync("/api/v1/account/phone", new { phone = "13600000708", code = factory.Sms.LatestCode("13600000708") }), HttpStatusCode.NoContent);
        Assert.Equal("13600000708", (await mover.GetFromJsonAsync<JsonElement>("/api/v1/talent/me")).GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync("13600000708", ApiFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostLoginAsync("13600000707", ApiFactory.Password)).StatusCode);

        // Only a seeker asks for a change of number; an anonymous request is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await AskAsync(factory.CreateClient(), "13600000709", "changePhone")).StatusCode);
    }

    [Fact]
    public async Task A_user_changes_the_password_giving_the_current_one()
    {
        var hr = await factory.SignedInAsync("hr2");
        var wrong = await Json(await hr.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "not-it-2026", newPassword = "Changed-pass-2027" }), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("currentPassword", out _));
        await Json(await hr.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = ApiFactory.Password, newPassword = "Changed-pass-2027" }), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync("hr2", "Changed-pass-2027")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "x", newPassword = "y" })).StatusCode);
    }

    private async Task<HttpResponseMessage> PostCodeLoginAsync(string phone, string code)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/CodeLogin");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/CodeLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Phone"] = phone, ["Code"] = code, ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<HttpResponseMessage> PostLoginAsync(string login, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = login, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }
}
