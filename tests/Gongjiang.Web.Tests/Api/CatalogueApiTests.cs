using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongjiang.Web.Tests.Api;

public sealed class CatalogueApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_published_posting_is_in_the_current_quarters_catalogue_its_csv_and_its_workbook()
    {
        var hr = await factory.SignedInAsync("hr1");
        var created = await hr.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "焊工", occupation_code = "6-18-02-04", city = "370211", salary = new { min = 7000, max = 9000 }, headcount = 7,
            expires_at = "2099-12-31", skills = new[] { new { name = "氩弧焊", weight = 1.0 } }, description = "焊接。", status = "open",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/jobs/{id}/publish", null)).StatusCode);

        var anonymous = factory.CreateClient();
        var catalogue = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/catalogue");
        var welder = catalogue.GetProperty("listings").EnumerateArray().Single(l => l.GetProperty("occupationCode").GetString() == "6-18-02-04");
        Assert.Equal(7, welder.GetProperty("demand").GetDouble());
        Assert.Equal(8000, welder.GetProperty("salaryMedian").GetDouble());
        var supply = welder.GetProperty("supply").GetInt64();
        if (supply == 0) Assert.Equal(JsonValueKind.Null, welder.GetProperty("ratio").ValueKind);
        else Assert.Equal(Math.Round(7.0 / supply, 2, MidpointRounding.AwayFromZero), welder.GetProperty("ratio").GetDouble());
        var period = catalogue.GetProperty("period").GetString();

        var csv = await anonymous.GetStringAsync($"/api/v1/catalogue/export?period={period}&format=csv");
        Assert.Contains($"{period},", csv, StringComparison.Ordinal);
        Assert.Contains(",6-18-02-04,焊工,zone,7,", csv, StringComparison.Ordinal);
        var xlsx = await anonymous.GetAsync($"/api/v1/catalogue/export?period={period}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Theory]
    [InlineData("/api/v1/catalogue?period=2026Q9", "period", "catalogue.bad_period")]
    [InlineData("/api/v1/catalogue?region=county", "region", "catalogue.bad_region")]
    [InlineData("/api/v1/catalogue/export?format=pdf", "format", "catalogue.bad_format")]
    public async Task Bad_filters_answer_400_with_the_field_and_its_code(string path, string field, string code)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].GetString());
    }
}
