using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Reports;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>
/// The zone at a glance: employers, postings and talent, where demand outruns supply, what happened lately; weekly trends
/// over a date range; the monthly report for the 人社局 as a download.
/// </summary>
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    public GetZoneOverview.Overview? View { get; private set; }
    public GetZoneTrends.Trends? Trends { get; private set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>月度报表: the month's workbook, or the dashboard with the reason when the month is not one.</summary>
    public async Task<IActionResult> OnGetMonthlyAsync(CancellationToken ct)
    {
        var report = await useCases.RunAsync(new ExportMonthlyReport.Query(Month), ct);
        if (report.Succeeded) return File(report.Value.Content, ExportMonthlyReport.ContentType, report.Value.FileName);
        ModelState.AddResultErrors(report.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var overview = await useCases.RunAsync(new GetZoneOverview.Query(), ct);
        View = overview.Succeeded ? overview.Value : null;
        var trends = await useCases.RunAsync(new GetZoneTrends.Query(From, To), ct);
        if (trends.Succeeded)
        {
            Trends = trends.Value;
            From = Trends.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            To = Trends.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        else ModelState.AddResultErrors(trends.Errors);
    }
}
