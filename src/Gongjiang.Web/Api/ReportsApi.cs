using System.ComponentModel;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Reports;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>The operators' reports: weekly trends and the monthly workbook for the 人社局.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder v1)
    {
        var reports = v1.MapGroup("/reports").WithTags("Reports").RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Admin));
        reports.MapGet("/trends", Trends).WithName("GetZoneTrends")
            .WithSummary("Postings published, applications and hires per week (Monday to Sunday, China time) over a date range; default the last 12 weeks");
        reports.MapGet("/monthly", Monthly).WithName("GetMonthlyReport")
            .WithSummary("月度报表: one month as an XLSX workbook (summary; postings, seekers, applications, hires by industry cluster and occupation major group; screening flags; complaints)")
            .Produces(StatusCodes.Status200OK, contentType: ExportMonthlyReport.ContentType);
        return v1;
    }

    public sealed record TrendsResponse(string From, string To, IReadOnlyList<WeekResponse> Weeks, int Postings, int Applications, int Hires);

    public sealed record WeekResponse(string Start, int Postings, int Applications, int Hires);

    private static async Task<Results<Ok<TrendsResponse>, ProblemHttpResult>> Trends(IUseCases useCases,
        [Description("First day, yyyy-MM-dd (China time); default 12 weeks before `to`")] string? from,
        [Description("Last day, yyyy-MM-dd (China time); default today; at most 731 days after `from`")] string? to, CancellationToken ct) =>
        (await useCases.RunAsync(new GetZoneTrends.Query(from, to), ct)).ToHttp(t => new TrendsResponse(Day(t.From), Day(t.To),
            t.Weeks.Select(w => new WeekResponse(Day(w.Start), w.Postings, w.Applications, w.Hires)).ToList(), t.Postings, t.Applications, t.Hires));

    private static async Task<IResult> Monthly(IUseCases useCases,
        [Description("The month, yyyy-MM (China time); default the previous month")] string? month, CancellationToken ct)
    {
        var report = await useCases.RunAsync(new ExportMonthlyReport.Query(month), ct);
        if (!report.Succeeded) return ResultHttp.Problem(report.Errors);
        return TypedResults.File(report.Value.Content, ExportMonthlyReport.ContentType, report.Value.FileName);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
