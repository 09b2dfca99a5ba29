using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>The public shortage catalogue over the demo zone: charts, listings, export and print view, on a desktop and a phone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CatalogueTests(WebAppFixture web)
{
    [Fact]
    public async Task The_catalogue_shows_ranked_listings_with_charts_exports_and_a_print_view_on_desktop_and_phone()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/Catalogue");
        await Expect(page.Locator("h1")).ToHaveTextAsync("急需紧缺人才目录");
        var rows = page.Locator(".catalogue-table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("1");
        await Expect(page.Locator("#chart-top svg")).ToBeVisibleAsync();       // ECharts, served from wwwroot/lib
        await Expect(page.Locator("#chart-cities svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#scarce-majors tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#national-list tbody tr")).ToHaveCountAsync(5);
        Assert.True(int.Parse(await page.Locator("#shortage-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0,
            "the demo zone has occupations in shortage");
        await Expect(rows).ToHaveCountAsync(Pages.Catalogue.IndexModel.Shown);
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-desktop.png") });
        await page.Locator(".catalogue-rankings").ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-rankings.png") });

        // The CSV export is catalog.csv of the contract, for the quarter on screen.
        var csv = await page.APIRequest.GetAsync(await page.Locator("#export-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split('\n');
        Assert.Equal("period,rank,occupation_code,occupation_name,region,demand,supply,ratio,gap,median_days_to_fill,fill_rate,salary_median,salary_change,index,band,previous_rank,typical_cities",
            lines[0].TrimEnd('\r'));
        Assert.StartsWith(await page.Locator("select[name=period]").InputValueAsync() + ",1,", lines[1], StringComparison.Ordinal);

        // Filtering by a cluster keeps the filter in the print view, which prints to PDF.
        var cluster = await page.Locator("select[name=cluster] option").Nth(1).GetAttributeAsync("value");
        await page.SelectOptionAsync("select[name=cluster]", cluster!);
        await page.ClickAsync(".filter-actions button");
        await Expect(page.Locator("select[name=cluster]")).ToHaveValueAsync(cluster!);
        await page.ClickAsync("#print-view");
        await Expect(page.Locator(".print-sheet h1")).ToContainTextAsync("急需紧缺人才目录");
        await Expect(page.Locator(".print-sheet")).ToContainTextAsync(cluster!);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".no-print").First).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-print.png"), FullPage = false });

        // On a phone the listings are cards and nothing scrolls sideways, in Chinese and in English.
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/Catalogue");
        await Expect(phone.Locator(".catalogue-table thead")).ToBeHiddenAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the catalogue scrolls sideways at 390 px");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-phone-zh.png") });
        await phone.Locator(".catalogue-table").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-phone-zh-listings.png") });
        await phone.GotoAsync("/Culture?culture=en&returnUrl=/Catalogue");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Shortage talent catalogue");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the English catalogue scrolls sideways at 390 px");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-phone-en.png") });
        await phone.Locator(".catalogue-table").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "catalogue-phone-en-listings.png") });
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_draws_a_survey_an_employer_answers_it_and_the_catalogue_counts_the_weighted_demand()
    {
        var first = await web.NewPageAsync();
        await first.GotoAsync("/Catalogue");
        var period = await first.Locator("select[name=period]").InputValueAsync();

        var op = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(op, "operator", Application.DemoZone.DemoAccounts.Password);
        await op.GotoAsync("/Operator");
        await op.ClickAsync("#surveys-link");
        await op.FillAsync("input[name=Period]", period);
        await op.FillAsync("input[name=SampleSize]", "10000"); // every employer of the demo zone is drawn
        await op.FillAsync("input[name=Seed]", "3");
        await op.ClickAsync("#open-survey button");
        await Expect(op.Locator("h1")).ToContainTextAsync(period);
        await Expect(op.Locator("#strata tbody tr").First).ToBeVisibleAsync();

        var hr = await web.NewPageAsync();
        await WebAppFixture.SignInAsync(hr, "hr", Application.DemoZone.DemoAccounts.Password);
        await hr.GotoAsync("/Employer/Jobs");
        await hr.ClickAsync("#survey-link");
        var form = hr.Locator(".survey-form", new() { HasText = period });
        await form.Locator("input[name='Needs[0].OccupationCode']").FillAsync("9-99-99-99");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(hr.Locator(".alert-error")).ToBeVisibleAsync(); // an unknown occupation is refused, nothing saved
        form = hr.Locator(".survey-form", new() { HasText = period });
        await form.Locator("input[name='Needs[0].OccupationCode']").FillAsync("6-31-01-03");
        await form.Locator("input[name='Needs[0].Headcount']").FillAsync("40");
        await form.Locator("select[name='Needs[0].Urgency']").SelectOptionAsync("Urgent");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(hr.Locator(".alert-ok")).ToBeVisibleAsync();
        await Expect(hr.Locator(".survey-form", new() { HasText = period }).Locator(".tag-ok")).ToBeVisibleAsync();
        await hr.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "survey-employer.png") });

        await op.ReloadAsync();
        await Expect(op.Locator("#strata")).ToContainTextAsync("1");
        await op.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "survey-operator.png") });

        // The catalogue now says how much of V came from the survey.
        var page = await web.NewPageAsync();
        await page.GotoAsync("/Catalogue?period=" + period);
        await Expect(page.Locator(".catalogue-facts .fact").Nth(3).Locator("strong")).Not.ToHaveTextAsync("0.0%");
    }
}
