using System.ComponentModel;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// A live room's statistics for its host (operators: any room), minute by minute and in total (docs/formats.md, "Live room
/// statistics"): JSON, or the CSV and XLSX downloads. Employers' HR and agencies, and operators, may ask; another host's room
/// answers 404 <c>live.not_found</c>.
/// </summary>
public static class LiveStatsApi
{
    public static RouteGroupBuilder MapLiveStatsApi(this RouteGroupBuilder v1)
    {
        var hosts = new[] { Roles.EmployerHR, Roles.Agency, Roles.Operator, Roles.Admin };
        var rooms = v1.MapGroup("/live-rooms").WithTags("Live rooms").RequireAuthorization(p => p.RequireRole(hosts));
        rooms.MapGet("/{id}/stats", Get).WithName("GetLiveRoomStats")
            .WithSummary("The room's statistics: per minute (viewers, new viewers, questions, answers, mic links, applications, invitations, offers) and in total; ?format=csv|xlsx downloads them");
        rooms.MapGet("/{id}/stats.csv", (IUseCases useCases, string id, string? part, CancellationToken ct) => Export(useCases, id, "csv", part, ct))
            .WithName("ExportLiveRoomStatsCsv").WithSummary("The minutes as CSV (part=totals: the totals as figure,value rows)");
        rooms.MapGet("/{id}/stats.xlsx", (IUseCases useCases, string id, CancellationToken ct) => Export(useCases, id, "xlsx", null, ct))
            .WithName("ExportLiveRoomStatsXlsx").WithSummary("The minutes and the totals as an XLSX workbook (sheets minutes and totals)");
        return v1;
    }

    private static async Task<Results<Ok<LiveRoomStats>, FileContentHttpResult, ProblemHttpResult>> Get(IUseCases useCases, string id,
        [Description("json (default), csv or xlsx")] string? format, [Description("csv only: minutes (default) or totals")] string? part,
        CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return await Export(useCases, id, format, part, ct);
        var stats = await useCases.RunAsync(new GetLiveRoomStats.Query(id), ct);
        return stats.Succeeded ? TypedResults.Ok(stats.Value) : ResultHttp.Problem(stats.Errors);
    }

    private static async Task<Results<Ok<LiveRoomStats>, FileContentHttpResult, ProblemHttpResult>> Export(IUseCases useCases, string id, string format,
        string? part, CancellationToken ct)
    {
        var export = await useCases.RunAsync(new ExportLiveRoomStats.Query(id, format, part), ct);
        if (!export.Succeeded) return ResultHttp.Problem(export.Errors);
        return TypedResults.File(export.Value.Content, export.Value.ContentType, export.Value.FileName);
    }
}
