using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// A company's administrator invites further HR users by phone: the invitee signs up through the SMS link with a code and
/// is HR of that company at once; removing a member keeps their history; the last administrator stays.
/// </summary>
public sealed partial class MembersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static string Code(JsonElement problem) => problem.GetProperty("code").GetString()!;

    [GeneratedRegex(@"/Account/Join\?invite=([A-Za-z0-9_-]+)")]
    private static partial Regex InviteLink();

    /// <summary>hr1 invites the number; the invitee opens the SMS link, gets the code and signs up; returns the new user's id.</summary>
    private async Task<string> InviteAndJoinAsync(HttpClient admin, string phone, string userName)
    {
        var sent = await Json(await admin.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone, email = userName + "@example.com" }), HttpStatusCode.Created);
        var token = InviteLink().Match(factory.Sms.To(phone)[^1]).Groups[1].Value;
        Assert.Equal(InviteLink().Match(sent.GetProperty("link").GetString()!).Groups[1].Value, token);
        var anonymous = factory.CreateClient();
        var info = await Json(await anonymous.GetAsync($"/api/v1/account/invitations/{token}"), HttpStatusCode.OK);
        Assert.Equal("青岛海卓精密机械有限公司", info.GetProperty("employerName").GetString());
        Assert.DoesNotContain(phone, info.GetRawText());
        await Json(await anonymous.PostAsync($"/api/v1/account/invitations/{token}/phone-code", null), HttpStatusCode.Accepted);
        var code = factory.Sms.LatestCode(phone);
        var wrong = await Json(await anonymous.PostAsJsonAsync("/api/v1/account/join",
            new { token, userName, password = ApiFactory.Password, personName = "周敏", code = "000000" == code ? "111111" : "000000" }), HttpStatusCode.BadRequest);
        Assert.Equal("code.wrong", wrong.GetProperty("codes").GetProperty("code")[0].GetString());
        // A wrong answer spends nothing but the attempt; the right code signs up.
        var joined = await Json(await anonymous.PostAsJsonAsync("/api/v1/account/join",
            new { token, userName, password = ApiFactory.Password, personName = "周敏", code }), HttpStatusCode.Created);
        Assert.Equal("E1", joined.GetProperty("employerId").GetString());
        // The link is used up.
        Assert.Equal("member.invite_invalid", Code(await Json(await anonymous.PostAsJsonAsync("/api/v1/account/join",
            new { token, userName = userName + "2", password = ApiFactory.Password, personName = "周敏", code }), HttpStatusCode.UnprocessableEntity)));
        return joined.GetProperty("userId").GetString()!;
    }

    [Fact]
    public async Task An_invited_hr_user_signs_up_by_the_sms_link_works_for_the_company_and_when_removed_keeps_their_history()
    {
        var admin = await factory.SignedInAsync("hr1");
        var memberId = await InviteAndJoinAsync(admin, "13600000901", "haizhuo_zhou");

        // The new member is HR of E1 at once (not pending), sees the members and posts a job, but does not manage members.
        var member = await factory.SignedInAsync("haizhuo_zhou");
        var list = await Json(await member.GetAsync("/api/v1/employer/members"), HttpStatusCode.OK);
        Assert.False(list.GetProperty("canManage").GetBoolean());
        var names = list.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userName").GetString()).ToList();
        Assert.Contains("haizhuo_zhou", names);
        Assert.Contains("hr1", names);
        var job = await Json(await member.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "装配钳工", occupation_code = "6-18-01-01", min_grade = 4, city = "370211", salary = new { min = 6500, max = 9000 }, headcount = 2,
            expires_at = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), description = "装配精密部件。",
        }), HttpStatusCode.Created);
        var jobId = job.GetProperty("id").GetString()!;
        await Json(await member.PostAsync($"/api/v1/jobs/{jobId}/publish", null), HttpStatusCode.OK);
        Assert.Equal("member.admin_only", Code(await Json(await member.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "13600000902" }),
            HttpStatusCode.Forbidden)));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.DeleteAsync($"/api/v1/employer/members/{memberId}")).StatusCode);

        // Another company's administrator does not find E1's members; the last administrator is not removed or demoted.
        var otherAdmin = await factory.SignedInAsync("hr2");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.DeleteAsync($"/api/v1/employer/members/{memberId}")).StatusCode);
        var hr1Id = list.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userName").GetString() == "hr1").GetProperty("userId").GetString();
        Assert.Equal("member.last_admin", Code(await Json(await admin.DeleteAsync($"/api/v1/employer/members/{hr1Id}"), HttpStatusCode.UnprocessableEntity)));
        Assert.Equal("member.last_admin", Code(await Json(await admin.PostAsJsonAsync($"/api/v1/employer/members/{hr1Id}/admin", new { admin = false }),
            HttpStatusCode.UnprocessableEntity)));
        // With a second administrator, administration can move.
        Assert.True((await Json(await admin.PostAsJsonAsync($"/api/v1/employer/members/{memberId}/admin", new { admin = true }), HttpStatusCode.OK)).GetProperty("isAdmin").GetBoolean());
        Assert.False((await Json(await admin.PostAsJsonAsync($"/api/v1/employer/members/{memberId}/admin", new { admin = false }), HttpStatusCode.OK)).GetProperty("isAdmin").GetBoolean());

        // Removed: the account no longer acts for the company and cannot sign in, but its job and name stay.
        var removed = await Json(await admin.DeleteAsync($"/api/v1/employer/members/{memberId}"), HttpStatusCode.OK);
        Assert.NotNull(removed.GetProperty("leftAt").GetString());
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignedInAsync("haizhuo_zhou"));
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/api/v1/employer/members")).StatusCode);
        var after = await Json(await admin.GetAsync("/api/v1/employer/members"), HttpStatusCode.OK);
        Assert.Equal("haizhuo_zhou", after.GetProperty("former").EnumerateArray().Single().GetProperty("userName").GetString());
        Assert.DoesNotContain(after.GetProperty("members").EnumerateArray(), m => m.GetProperty("userName").GetString() == "haizhuo_zhou");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == memberId);
        Assert.Equal(("周敏", (string?)null, "E1"), (account.DisplayName, account.EmployerId, account.FormerEmployerId));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(account));
        var actions = await db.ServiceLog.AsNoTracking().Where(l => l.Action.StartsWith("account.member")).Select(l => l.Action).ToListAsync();
        foreach (var action in new[] { "account.member_invited", "account.member_joined", "account.member_made_admin", "account.member_removed" })
            Assert.Contains(action, actions);
        Assert.True(await db.ServiceLog.AnyAsync(l => l.ActorUserId == memberId)); // their own entries stay theirs
    }

    [Fact]
    public async Task An_invitation_to_a_number_or_address_of_another_account_is_refused_with_a_clear_message_and_nothing_is_sent()
    {
        var admin = await factory.SignedInAsync("hr1");
        await InviteAndJoinAsync(admin, "13600000911", "haizhuo_qian");

        // hr2 (another company's administrator) cannot invite E1's member, by number or by address.
        var other = await factory.SignedInAsync("hr2");
        var byPhone = await Json(await other.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "136 0000 0911" }), HttpStatusCode.Conflict);
        Assert.Equal("member.other_company", Code(byPhone));
        Assert.Contains("其他企业", byPhone.GetProperty("detail").GetString());
        Assert.Equal("member.other_company", Code(await Json(await other.PostAsJsonAsync("/api/v1/employer/members/invitations",
            new { phone = "13600000912", email = "haizhuo_qian@example.com" }), HttpStatusCode.Conflict)));
        Assert.Empty(factory.Sms.To("13600000912"));
        // Already a member here; a seeker's number; not a number at all; not an address.
        Assert.Equal("member.already_member", Code(await Json(await admin.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "13600000911" }),
            HttpStatusCode.Conflict)));
        Assert.Equal("member.has_account", Code(await Json(await admin.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "13812345678" }),
            HttpStatusCode.Conflict)));
        Assert.True((await Json(await admin.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "12345" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("phone", out _));
        Assert.True((await Json(await admin.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "13600000913", email = "not-an-address" }),
            HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Empty(factory.Sms.To("13600000913"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/account/invitations/no-such-token")).StatusCode);

        // On the page, the same refusal is a message on the form.
        var page = await admin.GetStringAsync("/Employer/Members");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var refused = await admin.PostAsync("/Employer/Members?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Phone"] = "13812345678",
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("已注册了工匠账号", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_invited_person_signs_up_on_the_join_page_and_lands_as_the_company_hr()
    {
        var admin = await factory.SignedInAsync("hr1");
        var page = await admin.GetStringAsync("/Employer/Members");
        var antiforgery = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var sent = await admin.PostAsync("/Employer/Members?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Phone"] = "13600000921",
        }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = InviteLink().Match(factory.Sms.To("13600000921")[^1]).Value;
        Assert.Contains(link, await admin.GetStringAsync("/Employer/Members")); // shown once to copy
        Assert.DoesNotContain(link, await admin.GetStringAsync("/Employer/Members"));

        var person = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var join = await person.GetStringAsync(link);
        Assert.Contains("青岛海卓精密机械有限公司", join);
        var form = Regex.Match(join, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var codeSent = await person.PostAsync(link + "&handler=SendCode", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form }));
        Assert.Equal(HttpStatusCode.OK, codeSent.StatusCode);
        var done = await person.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["UserName"] = "haizhuo_sun", ["PersonName"] = "孙磊", ["Password"] = ApiFactory.Password,
            ["Code"] = factory.Sms.LatestCode("13600000921")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Employer/Jobs", done.Headers.Location?.OriginalString);
        Assert.Contains("haizhuo_sun", await person.GetStringAsync("/Employer/Members"));
    }
}
