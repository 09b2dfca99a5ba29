using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongjiang.Web.Tests.Api;

/// <summary>Sign-in by a seeker's mobile number through the login page, and the notices and daily limit around contact requests.</summary>
public sealed class PhoneSignInAndContactNoticeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = login, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_seeker_signs_in_with_the_mobile_number_and_failures_by_phone_lock_the_account()
    {
        var created = await factory.RegisterAsync(factory.CreateClient(), "phone_login", "13600000021", name: "陈晨", birthYear: 1999);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var talentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("talentId").GetString();

        var byPhone = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(byPhone, "+86 136-0000-0021", ApiFactory.Password)).StatusCode);
        var me = await byPhone.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        Assert.Equal(talentId, me.GetProperty("id").GetString());

        // A phone on no profile fails like a wrong password; an imported profile's phone signs in its linked account (seeker2).
        var stranger = NewClient();
        var unknown = await PostLoginAsync(stranger, "13600009999", ApiFactory.Password);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("用户名或密码错误", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(NewClient(), "13987654321", ApiFactory.Password)).StatusCode); // seeker2's phone

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostLoginAsync(stranger, "13600000021", "wrong-password")).StatusCode);
        var locked = await PostLoginAsync(stranger, "phone_login", ApiFactory.Password); // the same account, now by user name
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("账号已临时锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_phone_number_belongs_to_one_account_so_signing_in_by_it_is_never_a_guess()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await factory.RegisterAsync(anonymous, "phone_owner_a", "13722220001", name: "甲")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.RegisterAsync(anonymous, "phone_owner_b", "13722223333", name: "乙", birthYear: 1996,
            password: "Other-Password-2026")).StatusCode);

        // A puts B's number on their own profile: refused (a number changes only with a code sent to it), and nothing of A's profile changes.
        var a = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(a, "phone_owner_a", ApiFactory.Password)).StatusCode);
        var mine = await a.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        var taken = await a.PutAsJsonAsync("/api/v1/talent/me", new { name = "甲", phone = "13722223333", city = "370211" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("talent.phone_change_needs_code", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("phone")[0].GetString());
        Assert.Equal(mine.GetProperty("phone").GetString(), (await a.GetFromJsonAsync<JsonElement>("/api/v1/talent/me")).GetProperty("phone").GetString());

        // The number signs in its one owner, B, and nobody else.
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(NewClient(), "13722223333", "Other-Password-2026")).StatusCode);
        var withAsPassword = await PostLoginAsync(NewClient(), "13722223333", ApiFactory.Password);
        Assert.Equal(HttpStatusCode.OK, withAsPassword.StatusCode);
        Assert.Contains("用户名或密码错误", await withAsPassword.Content.ReadAsStringAsync());

        // A keeps their own number when saving other changes.
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsJsonAsync("/api/v1/talent/me", new { name = "甲", phone = "13722220001", city = "370211" })).StatusCode);
    }

    [Fact]
    public async Task Contact_requests_reach_the_seeker_answers_reach_the_employer_and_the_daily_limit_answers_429()
    {
        await using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Sharing:DailyContactRequestsPerEmployer", "1"));
        async Task<HttpClient> SignedIn(string userName)
        {
            var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, ApiFactory.Password)).StatusCode);
            return client;
        }
        var hr = await SignedIn("hr1");
        var seeker = await SignedIn("seeker1");

        var asked = await hr.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "邀请参加面试", kinds = new[] { "phone" } });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var seekerInbox = await seeker.GetStringAsync("/api/v1/me/notifications");
        Assert.Contains("contact.request", seekerInbox);

        Assert.Equal(HttpStatusCode.OK, (await seeker.PostAsync($"/api/v1/me/contact-requests/{requestId}/decline", null)).StatusCode);
        Assert.Contains("contact.answered", await hr.GetStringAsync("/api/v1/me/notifications"));

        var again = await hr.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "再次邀请", kinds = new[] { "phone" } });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("上限", problem.GetProperty("detail").GetString());
    }
}
