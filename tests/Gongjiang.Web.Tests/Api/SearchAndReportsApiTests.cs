using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace Gongjiang.Web.Tests.Api;

/// <summary>Job and talent search through the API and the page; the operator's reports through the API and the dashboard.</summary>
public sealed class SearchAndReportsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task AssertProblemAsync(HttpResponseMessage response, string field, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/jobs?sort=cheapest", "sort", "search.unknown_sort")]
    [InlineData("/api/v1/jobs?posted=2", "posted", "search.unknown_posted")]
    [InlineData("/api/v1/jobs?benefits=%E8%B1%AA%E8%BD%A6", "benefits", "jobs.unknown_benefit")]
    [InlineData("/api/v1/jobs?occupation=%40%40%40", "occupation", "search.unknown_occupation")]
    [InlineData("/api/v1/jobs?education=phd", "education", "search.unknown_education")]
    [InlineData("/api/v1/jobs?grade=7", "grade", "input.between")]
    public async Task Unknown_job_search_values_answer_400_naming_the_field_and_its_code(string path, string field, string code) =>
        await AssertProblemAsync(await factory.CreateClient().GetAsync(path), field, code);

    [Fact]
    public async Task Job_search_takes_several_words_and_never_crashes_on_long_or_empty_queries()
    {
        var hr = await factory.SignedInAsync("hr1");
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "氩弧焊工（管道）", occupation_code = "6-18-02-04", city = "370211", salary = new { min = 7000, max = 9000 }, headcount = 2,
            expires_at = "2099-12-31", skills = new[] { new { name = "氩弧焊", weight = 1.0 } }, description = "不锈钢管道焊接，包吃住，五险一金。",
        });
        var job = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString();
        var published = await hr.PostAsync($"/api/v1/jobs/{id}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

        var anonymous = factory.CreateClient();
        async Task<List<string?>> Ids(string query) => (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/jobs?" + query))
            .GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetString()).ToList();
        Assert.Contains(id, await Ids("q=" + Uri.EscapeDataString("电焊工 包吃住")));
        Assert.Contains(id, await Ids("q=" + Uri.EscapeDataString("焊工 青岛") + "&benefits=" + Uri.EscapeDataString("五险一金") + "&posted=3&sort=pay"));
        Assert.DoesNotContain(id, await Ids("q=" + Uri.EscapeDataString("电焊工 济南")));
        Assert.Contains(id, await Ids("occupation=" + Uri.EscapeDataString("电焊工")));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/jobs?q=" + Uri.EscapeDataString(new string('焊', 500)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/jobs?q=")).StatusCode);
        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/jobs?q=" + Uri.EscapeDataString(new string('焊', 501))), "q", "input.too_long");

        // The page: the posting's card shows when it was posted; a bad sort is a Chinese message on the form.
        var page = await anonymous.GetStringAsync("/Jobs?q=" + Uri.EscapeDataString("电焊工 包吃住"));
        Assert.Contains("氩弧焊工（管道）", page, StringComparison.Ordinal);
        Assert.Contains($"class=\"job-posted\" datetime=\"{job.GetProperty("posted_at").GetString()}\"", page, StringComparison.Ordinal);
        var bad = await anonymous.GetAsync("/Jobs?sort=cheapest");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("排序方式只能是相关度", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("排序方式只能是相关度", await anonymous.GetStringAsync("/Jobs?q=" + Uri.EscapeDataString(new string('焊', 500)) + "&sort=x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-20", "今天", null)]
    [InlineData("2026-11-19", "昨天", null)]
    [InlineData("2026-11-17", "{0}天前", 3)]
    [InlineData("2026-10-21", "{0}天前", 30)]
    [InlineData("2026-10-20", "", null)]
    public void A_card_says_how_long_ago_a_posting_went_up_within_a_month_and_its_date_after(string posted, string key, int? days) =>
        Assert.Equal((key, days), Gongjiang.Web.Pages.Ui.PostedAgo(DateOnly.Parse(posted, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 20)));

    [Fact]
    public async Task Talent_search_reads_everyday_titles_and_refuses_unknown_sorts()
    {
        var hr = await factory.SignedInAsync("hr1");
        var found = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/search?q=" + Uri.EscapeDataString("电焊工 青岛"));
        Assert.Contains("T1", found.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var byTitle = await hr.GetFromJsonAsync<JsonElement>("/api/v1/talent/search?occupation=" + Uri.EscapeDataString("电焊工") + "&sort=newest");
        Assert.Contains("T1", byTitle.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        await AssertProblemAsync(await hr.GetAsync("/api/v1/talent/search?sort=pay"), "sort", "search.unknown_talent_sort");
        await AssertProblemAsync(await hr.GetAsync("/api/v1/talent/search?occupation=%40%40%40"), "occupation", "search.unknown_occupation");
        var page = await hr.GetStringAsync("/Employer/Talent?sort=pay");
        Assert.Contains("排序方式只能是相关度（relevance）或最近更新", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operators_get_weekly_trends_and_the_monthly_workbook_and_bad_dates_answer_400()
    {
        var op = await factory.SignedInAsync("operator1");
        var trends = await op.GetFromJsonAsync<JsonElement>("/api/v1/reports/trends");
        Assert.Equal(12, trends.GetProperty("weeks").GetArrayLength());
        var range = await op.GetFromJsonAsync<JsonElement>("/api/v1/reports/trends?from=2026-11-02&to=2026-11-15");
        Assert.Equal(["2026-11-02", "2026-11-09"], range.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("start").GetString()));
        await AssertProblemAsync(await op.GetAsync("/api/v1/reports/trends?from=2026-11-30&to=2026-11-01"), "from", "reports.from_after_to");
        await AssertProblemAsync(await op.GetAsync("/api/v1/reports/trends?to=yesterday"), "to", "reports.not_date");
        await AssertProblemAsync(await op.GetAsync("/api/v1/reports/monthly?month=2026-13"), "month", "reports.not_month");

        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var workbook = await op.GetAsync("/api/v1/reports/monthly?month=" + month);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        Assert.Equal(["汇总", "岗位", "求职者", "投递", "录用", "筛查标记", "投诉"], MiniExcel.GetSheetNames(stream));
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["项目"], r => r["数值"]);
        Assert.Equal(month, summary["月份"]);

        // The dashboard: the trend table for small screens and readers without scripts, the report's download.
        var dashboard = await op.GetStringAsync("/Operator?from=2026-11-02&to=2026-11-15");
        Assert.Contains("id=\"trend-table\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2026-11-09</th>", dashboard, StringComparison.Ordinal);
        var download = await op.GetAsync("/Operator?handler=Monthly&month=" + month);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请按 年-月 填写月份", await op.GetStringAsync("/Operator?handler=Monthly&month=nope"), StringComparison.Ordinal);
        Assert.Contains("开始日期不能晚于结束日期", await op.GetStringAsync("/Operator?from=2026-11-30&to=2026-11-01"), StringComparison.Ordinal);
    }
}
