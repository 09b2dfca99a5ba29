using System.ComponentModel;
using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>The shortage-talent catalogue (急需紧缺人才目录): public, like the ministry's 最缺工 list.</summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder v1)
    {
        var catalogue = v1.MapGroup("/catalogue").WithTags("Catalogue");
        catalogue.MapGet("/", Get).WithName("GetCatalogue")
            .WithSummary("A quarter's shortage catalogue: per occupation and region the indicators, the 紧缺指数, its band and rank, and the 95% interval of R");
        catalogue.MapGet("/export", Export).WithName("ExportCatalogue")
            .WithSummary("The catalogue as catalog.csv (docs/formats.md) or as an XLSX workbook with the intervals and posting requirements");
        return v1;
    }

    public sealed record ListingResponse(
        int Rank, string OccupationCode, string OccupationName, string Region, double Demand, long Supply, double? Ratio,
        double? RatioLow, double? RatioHigh, double Gap, double? MedianDaysToFill, double? FillRate, double? SalaryMedian,
        double? SalaryChange, double Index, string Band, int? PreviousRank, IReadOnlyList<string> TypicalCities, double SurveyDemand,
        double? ApplicationsPerOpening, string? TypicalEducation, double? MedianExperienceYears)
    {
        public static ListingResponse Of(CatalogueListing l) => new(l.Rank, l.OccupationCode, l.OccupationName, l.Region, l.Demand, l.Supply,
            l.Ratio, l.RatioInterval?.Low, l.RatioInterval?.High, l.Gap, l.MedianDaysToFill, l.FillRate, l.SalaryMedian, l.SalaryChange,
            l.Index, ShortageBands.ChineseName(l.Band), l.PreviousRank, l.TypicalCities, l.SurveyDemand, l.ApplicationsPerOpening,
            l.TypicalEducation, l.MedianExperienceYears);
    }

    public sealed record CatalogueResponse(string Period, string Region, string Level, string? Cluster, double SurveyShare,
        IReadOnlyList<ListingResponse> Listings);

    private static async Task<Results<Ok<CatalogueResponse>, ProblemHttpResult>> Get(IUseCases useCases,
        [Description("The quarter, e.g. 2026Q3")] string? period,
        [Description("zone (default), province or city")] string? region,
        [Description("occupation (default), minor or middle")] string? level,
        [Description("Only the demand of employers of this industry cluster")] string? cluster, CancellationToken ct) =>
        (await useCases.RunAsync(new BuildCatalogue.Query(period, region, level, cluster), ct))
            .ToHttp(c => new CatalogueResponse(c.Period.ToString(), ShortageCatalogue.RegionName(c.Region), ShortageCatalogue.LevelName(c.Level),
                c.Cluster, c.SurveyShare, c.Listings.Select(ListingResponse.Of).ToList()));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(IUseCases useCases, string? period, string? region,
        string? level, string? cluster, [Description("csv (default) or xlsx")] string? format, CancellationToken ct)
    {
        var export = await useCases.RunAsync(new ExportCatalogue.Query(period, region, level, cluster, format), ct);
        if (!export.Succeeded) return ResultHttp.Problem(export.Errors);
        return TypedResults.File(export.Value.Content, export.Value.ContentType, export.Value.FileName);
    }
}
