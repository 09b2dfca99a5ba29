using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

public sealed class TalentAndEmployersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_employer_sees_a_shared_profile_with_the_phone_masked()
    {
        var hr = await factory.SignedInAsync("hr1");
        var profile = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/T1");
        Assert.Equal("138****5678", profile.GetProperty("phone").GetString());
        Assert.Equal("张*", profile.GetProperty("name").GetString());
        Assert.False(profile.TryGetProperty("gender", out _));
    }

    [Fact]
    public async Task A_profile_not_shared_with_the_zone_is_invisible_to_employers()
    {
        var hr = await factory.SignedInAsync("hr1");
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/v1/talent/T2")).StatusCode);
    }

    [Fact]
    public async Task A_seeker_reads_their_own_profile_in_full_but_not_anothers()
    {
        var seeker = await factory.SignedInAsync("seeker2");
        var mine = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        Assert.Equal("13987654321", mine.GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await seeker.GetAsync("/api/v1/talent/T1")).StatusCode);
    }

    [Fact]
    public async Task A_seeker_saves_a_profile_and_bad_fields_are_named()
    {
        var seeker = await factory.SignedInAsync("seeker2");
        var bad = await seeker.PutAsJsonAsync("/api/v1/talent/me", new { name = "李娜", city = "370211", occupations = new[] { new { code = "6-18-01-01", grade = 9 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("occupations[0].grade", out _));

        var good = await seeker.PutAsJsonAsync("/api/v1/talent/me", new
        {
            name = "李娜", phone = "13987654321", city = "370211", occupations = new[] { new { code = "6-18-01-01", grade = 4, certified = true } },
            skills = new[] { "数控车床编程" }, experience_years = 3,
        });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var saved = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        Assert.Equal(4, saved.GetProperty("occupations")[0].GetProperty("grade").GetInt32());
    }

    [Fact]
    public async Task A_profile_update_leaves_the_fields_it_does_not_send_alone()
    {
        var seeker = await factory.SignedInAsync("seeker2");
        var full = await seeker.PutAsJsonAsync("/api/v1/talent/me", new
        {
            name = "李娜", phone = "13987654321", email = "lina@example.cn", city = "370211", skills = new[] { "配电柜检修" },
            desired_titles = new[] { "维修电工" }, experience_years = 5, expected_salary = new { min = 6000, max = 8000 },
        });
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);

        var partial = await seeker.PutAsJsonAsync("/api/v1/talent/me", new { resume_text = "负责车间设备的电气维护。" });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var saved = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        Assert.Equal(("李娜", "13987654321", "lina@example.cn", "370211"), (saved.GetProperty("name").GetString(), saved.GetProperty("phone").GetString(),
            saved.GetProperty("email").GetString(), saved.GetProperty("city").GetString()));
        Assert.Equal(["配电柜检修"], saved.GetProperty("skills").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["维修电工"], saved.GetProperty("desired_titles").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal((5.0, 6000, 8000), (saved.GetProperty("experience_years").GetDouble(),
            saved.GetProperty("expected_salary").GetProperty("min").GetInt32(), saved.GetProperty("expected_salary").GetProperty("max").GetInt32()));
        Assert.Equal("负责车间设备的电气维护。", saved.GetProperty("resume_text").GetString());

        // An empty list empties the field.
        Assert.Equal(HttpStatusCode.OK, (await seeker.PutAsJsonAsync("/api/v1/talent/me", new { skills = Array.Empty<string>() })).StatusCode);
        var emptied = await seeker.GetFromJsonAsync<JsonElement>("/api/v1/talent/me");
        Assert.Empty(emptied.GetProperty("skills").EnumerateArray());
        Assert.Equal(["维修电工"], emptied.GetProperty("desired_titles").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task Only_operators_decide_employer_verification()
    {
        var hr = await factory.SignedInAsync("hr1");
        var refused = await hr.PostAsJsonAsync("/api/v1/employers/E2/verification", new { approve = false, note = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var op = await factory.SignedInAsync("operator1");
        var pending = await op.GetFromJsonAsync<JsonElement>("/api/v1/employers?status=verified");
        Assert.True(pending.GetProperty("total").GetInt32() >= 2);
        // Approval needs the name as on the business licence: imported E2 has none yet.
        var noLicenceName = await op.PostAsJsonAsync("/api/v1/employers/E2/verification", new { approve = true, note = "营业执照核验通过" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noLicenceName.StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Persistence.AppDbContext>();
            var e2 = await db.Employers.FindAsync("E2");
            e2!.LicensedName = "青岛蓝芯微电子有限公司";
            await db.SaveChangesAsync();
        }
        var decided = await op.PostAsJsonAsync("/api/v1/employers/E2/verification", new { approve = true, note = "营业执照核验通过" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }

    [Fact]
    public async Task The_taxonomy_api_finds_occupations_by_alias()
    {
        var results = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/taxonomy/occupations?q=氩弧焊工");
        Assert.Equal("6-18-02-04", results[0].GetProperty("code").GetString());
        var detail = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/taxonomy/occupations/6-18-01-01");
        Assert.NotEmpty(detail.GetProperty("skillItems").EnumerateArray());
    }

    [Theory]
    [InlineData("电焊工", new[] { "6-18-02-04" })]
    [InlineData("数控车工", new[] { "6-18-01-01", "6-18-01-07" })]
    [InlineData("CNC操机师傅", new[] { "6-18-01-01", "6-18-01-07" })]
    public async Task The_occupation_picker_answers_everyday_names_with_ranked_codes_and_confidences(string q, string[] plausible)
    {
        var results = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/taxonomy/occupations?limit=4&q={Uri.EscapeDataString(q)}");
        var items = results.EnumerateArray().ToList();
        Assert.Contains(items[0].GetProperty("code").GetString(), plausible);
        Assert.Equal("understood", items[0].GetProperty("match").GetString());
        Assert.InRange(items.Count, 2, 4);
        var confidences = items.Select(i => i.GetProperty("confidence").GetDouble()).ToList();
        Assert.InRange(confidences[0], 0.01, 1);
        Assert.Equal(confidences.OrderDescending(), confidences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀🔥👍")]
    [InlineData("welder wanted")]
    [InlineData(null)]
    public async Task Bad_picker_text_gets_a_coarse_low_confidence_answer(string? q)
    {
        q ??= new string('焊', 300) + new string('x', 200); // 500 characters
        var response = await factory.CreateClient().GetAsync($"/api/v1/taxonomy/occupations?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().First();
        if (q.Length < 500)
        {
            Assert.True(first.GetProperty("coarse").GetBoolean());
            Assert.True(first.GetProperty("confidence").GetDouble() < 0.3);
        }
    }

    [Fact]
    public async Task The_taxonomy_page_finds_the_turner_for_its_own_example()
    {
        var html = await factory.CreateClient().GetStringAsync("/Taxonomy?q=" + Uri.EscapeDataString("数控车工"));
        Assert.Contains("6-18-01-01", html);
        Assert.Contains("6-18-01-07", html);
    }
}
