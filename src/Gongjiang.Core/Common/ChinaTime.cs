using System.Globalization;

namespace Gongjiang.Core.Common;

/// <summary>
/// The platform stores instants in UTC and shows them, everywhere, in China Standard Time (Asia/Shanghai, UTC+8, no
/// daylight saving), whatever the server's own time zone.
/// </summary>
public static class ChinaTime
{
    /// <summary>Asia/Shanghai from the system's time-zone data; a fixed UTC+8 where the system has none.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The wall-clock time in China of a UTC instant (a value of unspecified kind is taken as UTC, as stored).</summary>
    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC instant of a wall-clock time in China (what a form's date-time field means).</summary>
    public static DateTime ToUtc(DateTime chinaTime) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaTime, DateTimeKind.Unspecified), Zone);

    /// <summary>The day in China on which a UTC instant falls.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>2026-07-01 14:30 (China time).</summary>
    public static string Minutes(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>2026-07-01 (the day in China).</summary>
    public static string Date(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
        catch (InvalidTimeZoneException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }
}
