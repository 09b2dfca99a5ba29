using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

/// <summary>Consent enforcement through the API: no contact data without the seeker's consent to that employer.</summary>
public sealed class SharingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Contact_is_masked_before_consent_full_after_it_and_masked_again_after_revocation()
    {
        var hr = await factory.SignedInAsync("hr1");
        var foreignHr = await factory.SignedInAsync("hr2");
        var seeker = await factory.SignedInAsync("seeker1");
        var otherSeeker = await factory.SignedInAsync("seeker2");

        var before = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/T1");
        Assert.Equal(("张*", "138****5678"), (before.GetProperty("name").GetString(), before.GetProperty("phone").GetString()));

        var bad = await JsonAsync(await hr.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "面试", kinds = new[] { "fax" } }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("kinds", out _));
        Assert.Equal("sharing.unknown_kind", bad.GetProperty("codes").GetProperty("kinds")[0].GetString());
        var noPurpose = await JsonAsync(await hr.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = " ", kinds = new[] { "phone" } }), HttpStatusCode.BadRequest);
        Assert.True(noPurpose.GetProperty("errors").TryGetProperty("purpose", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsJsonAsync("/api/v1/talent/T2/contact-requests", new { purpose = "面试", kinds = new[] { "phone" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "面试", kinds = new[] { "phone" } })).StatusCode);

        var request = await JsonAsync(await hr.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "邀请参加氩弧焊工面试", kinds = new[] { "name", "phone" } }), HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetString();
        var again = await JsonAsync(await hr.PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "再问一次", kinds = new[] { "phone" } }), HttpStatusCode.Conflict);
        Assert.Equal("sharing.request_pending", again.GetProperty("code").GetString());

        // Nobody but the seeker answers; still masked while pending.
        Assert.Empty((await otherSeeker.GetFromJsonAsync<JsonElement>("/api/v1/me/contact-requests")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherSeeker.PostAsync($"/api/v1/me/contact-requests/{requestId}/grant", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync($"/api/v1/me/contact-requests/{requestId}/grant", null)).StatusCode);
        Assert.Equal("张*", (await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/T1")).GetProperty("name").GetString());

        var pending = (await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/contact-requests")).EnumerateArray().Single();
        Assert.Equal(("青岛海卓精密机械有限公司", "邀请参加氩弧焊工面试"), (pending.GetProperty("employerName").GetString(), pending.GetProperty("purpose").GetString()));
        await JsonAsync(await seeker.PostAsync($"/api/v1/me/contact-requests/{requestId}/grant", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await seeker.PostAsync($"/api/v1/me/contact-requests/{requestId}/decline", null)).StatusCode);

        var granted = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/T1");
        Assert.Equal(("张伟", "13812345678"), (granted.GetProperty("name").GetString(), granted.GetProperty("phone").GetString()));
        Assert.False(granted.TryGetProperty("gender", out _));
        var foreign = await foreignHr.GetFromJsonAsync<JsonElement>("/api/v1/talent/T1");
        Assert.Equal(("张*", "138****5678"), (foreign.GetProperty("name").GetString(), foreign.GetProperty("phone").GetString()));

        var consent = (await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/consents")).EnumerateArray().Single();
        Assert.Equal(["name", "phone"], consent.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        var consentId = consent.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await otherSeeker.PostAsync($"/api/v1/me/consents/{consentId}/revoke", null)).StatusCode);
        await JsonAsync(await seeker.PostAsync($"/api/v1/me/consents/{consentId}/revoke", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await seeker.PostAsync($"/api/v1/me/consents/{consentId}/revoke", null)).StatusCode);

        var after = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/T1?purpose=复核");
        Assert.Equal(("张*", "138****5678"), (after.GetProperty("name").GetString(), after.GetProperty("phone").GetString()));

        // 谁看过我的简历: hr1 masked, masked (pending), full, hr2 masked, hr1 masked again — newest first.
        var views = (await seeker.GetFromJsonAsync<JsonElement>("/api/v1/me/resume-views")).EnumerateArray().ToList();
        Assert.Equal(["E1", "E2", "E1", "E1", "E1"], views.Select(v => v.GetProperty("employerId").GetString()));
        Assert.Equal(["", "", "name,phone", "", ""], views.Select(v => string.Join(",", v.GetProperty("shown").EnumerateArray().Select(k => k.GetString()))));
        Assert.Equal("复核", views[0].GetProperty("purpose").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/v1/me/resume-views")).StatusCode);

        // The pages enforce the same: the résumé page shows the masked phone only, a profile outside the pool is 404.
        var resumePage = await hr.GetStringAsync("/Employer/Talent/View/T1");
        Assert.Contains("138****5678", resumePage);
        Assert.DoesNotContain("13812345678", resumePage);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Employer/Talent/View/T2")).StatusCode);
        var searchPage = await hr.GetStringAsync("/Employer/Talent?q=" + Uri.EscapeDataString("焊工"));
        Assert.Contains("/Employer/Talent/View/T1", searchPage);
        Assert.DoesNotContain("13812345678", searchPage);
        Assert.DoesNotContain("/Employer/Talent/View/T2", (await hr.GetStringAsync("/Employer/Talent")));
        // The seeker's privacy page lists the five API views and the page view; search results are not résumé views.
        var privacy = await seeker.GetStringAsync("/Seeker/Privacy");
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(privacy, "class=\"view-row\""));
    }

    [Fact]
    public async Task Search_finds_only_the_shared_pool_with_masked_cards()
    {
        var hr = await factory.SignedInAsync("hr2");
        var found = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/search?q=" + Uri.EscapeDataString("焊工"));
        var item = found.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("T1", "张*"), (item.GetProperty("id").GetString(), item.GetProperty("maskedName").GetString()));
        foreach (var personal in new[] { "phone", "name", "email", "gender", "birthYear" }) Assert.False(item.TryGetProperty(personal, out _), personal);
        Assert.Single((await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/search?q=" + Uri.EscapeDataString("氩弧焊") + "&occupation=6-18&minGrade=3")).GetProperty("items").EnumerateArray());
        // T2 (李娜) does not share: never found, whatever is asked.
        var all = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/search");
        Assert.DoesNotContain("T2", all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Empty((await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/search?q=" + Uri.EscapeDataString("李娜"))).GetProperty("items").EnumerateArray());

        var bad = await JsonAsync(await hr.GetAsync("/api/v1/talent/search?minGrade=abc&pageSize=1000&education=phd"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("minGrade", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("education", out _));
        var seeker = await factory.SignedInAsync("seeker2");
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync("/api/v1/talent/search?q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/talent/search?q=x")).StatusCode);
    }

    [Fact]
    public async Task Similar_candidates_are_for_visible_profiles_and_never_include_the_candidate()
    {
        var hr = await factory.SignedInAsync("hr1");
        var similar = await JsonAsync(await hr.GetAsync("/api/v1/talent/T1/similar"), HttpStatusCode.OK);
        Assert.DoesNotContain("T1", similar.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.DoesNotContain("T2", similar.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/talent/T2/similar")).StatusCode);
    }
}
