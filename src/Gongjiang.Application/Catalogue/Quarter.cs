using System.Globalization;

namespace Gongjiang.Application.Catalogue;

/// <summary>A calendar quarter in China time: <c>2026Q3</c> runs from 2026-07-01 to 2026-09-30.</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public DateOnly FirstDay => new(Year, 3 * Number - 2, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>The first instant of the quarter in UTC (China time is UTC+8 all year).</summary>
    public DateTime StartUtc => FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);

    /// <summary>The first instant after the quarter in UTC.</summary>
    public DateTime EndUtc => LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);

    public static Quarter Containing(DateOnly day) => new(day.Year, (day.Month + 2) / 3);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || (text[4] != 'Q' && text[4] != 'q')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100) return false;
        if (text[5] is < '1' or > '4') return false;
        quarter = new Quarter(year, text[5] - '0');
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
