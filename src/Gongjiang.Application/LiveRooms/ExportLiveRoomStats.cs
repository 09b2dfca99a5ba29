using System.Globalization;
using System.Text;
using CsvHelper;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Common;
using MiniExcelLibs;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// A room's statistics as a download (docs/formats.md, "Live room statistics"): <c>csv</c> is one table — the minutes
/// (<see cref="MinuteColumns"/>), or with <c>part=totals</c> the totals as figure/value rows; <c>xlsx</c> holds both, as the
/// sheets <c>minutes</c> and <c>totals</c>. Minutes are written in China time with their offset.
/// </summary>
public static class ExportLiveRoomStats
{
    public sealed record Query(string? RoomId, string? Format = "csv", string? Part = "minutes") : IUseCase<ExportFile>;

    public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

    public const string BadFormat = "live.stats_bad_format";

    public static readonly string[] MinuteColumns =
        ["minute", "viewers", "new_viewers", "questions", "answers", "mic_links", "applications", "invitations", "offers"];

    public static readonly string[] TotalColumns = ["figure", "value"];

    public sealed class Handler(IUseCases useCases) : IUseCaseHandler<Query, ExportFile>
    {
        public async Task<Result<ExportFile>> HandleAsync(Query query, CancellationToken ct)
        {
            var format = string.IsNullOrWhiteSpace(query.Format) ? "csv" : query.Format.Trim().ToLowerInvariant();
            var part = string.IsNullOrWhiteSpace(query.Part) ? "minutes" : query.Part.Trim().ToLowerInvariant();
            if (format is not ("csv" or "xlsx")) return Error.Invalid("format", BadFormat, format);
            if (part is not ("minutes" or "totals")) return Error.Invalid("part", BadFormat, part);
            var stats = await useCases.RunAsync(new GetLiveRoomStats.Query(query.RoomId), ct);
            if (!stats.Succeeded) return stats.Cast<ExportFile>();
            var minutes = stats.Value.Minutes.Select(MinuteRow).ToList();
            var totals = TotalRows(stats.Value.Totals);
            var name = "live-stats-" + stats.Value.Room.Id;
            if (format == "csv")
            {
                await using var buffer = new MemoryStream();
                await using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
                await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    var (columns, rows) = part == "minutes" ? (MinuteColumns, minutes) : (TotalColumns, totals);
                    foreach (var h in columns) csv.WriteField(h);
                    await csv.NextRecordAsync();
                    foreach (var row in rows)
                    {
                        foreach (var h in columns) csv.WriteField(Cell(row[h]));
                        await csv.NextRecordAsync();
                    }
                }
                return new ExportFile(buffer.ToArray(), "text/csv; charset=utf-8", $"{name}-{part}.csv");
            }
            var sheets = new Dictionary<string, object> { ["minutes"] = minutes, ["totals"] = totals };
            await using var sheet = new MemoryStream();
            await sheet.SaveAsAsync(sheets, cancellationToken: ct);
            return new ExportFile(sheet.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        private static string Cell(object? value) => value switch
        {
            null => "",
            double d => d.ToString("0.#", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>A minute as its row: the minute in China time with its offset (2026-06-18T20:05+08:00), then the counts.</summary>
    public static Dictionary<string, object?> MinuteRow(LiveRoomMinute m) => new()
    {
        ["minute"] = ChinaTime.FromUtc(m.Minute).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) + "+08:00",
        ["viewers"] = m.Viewers, ["new_viewers"] = m.NewViewers, ["questions"] = m.Questions, ["answers"] = m.Answers,
        ["mic_links"] = m.MicLinks, ["applications"] = m.Applications, ["invitations"] = m.Invitations, ["offers"] = m.Offers,
    };

    public static List<Dictionary<string, object?>> TotalRows(LiveRoomTotals t) =>
    [
        Row("peak_viewers", t.PeakViewers), Row("unique_viewers", t.UniqueViewers), Row("watch_seconds", t.WatchSeconds),
        Row("average_watch_seconds", t.AverageWatchSeconds), Row("questions", t.Questions), Row("answers", t.Answers),
        Row("mic_links", t.MicLinks), Row("mic_minutes", t.MicMinutes), Row("applications", t.Applications),
        Row("invitations", t.Invitations), Row("offers", t.Offers), Row("job_card_pushes", t.JobCardPushes),
    ];

    private static Dictionary<string, object?> Row(string figure, object value) => new() { ["figure"] = figure, ["value"] = value };
}
