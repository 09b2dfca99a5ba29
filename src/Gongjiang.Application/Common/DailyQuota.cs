namespace Gongjiang.Application.Common;

/// <summary>
/// "At most <see cref="Limit"/> <see cref="What"/> per employer per day", the day being the calendar day in China
/// (UTC+8, no daylight saving): the count starts again at midnight Beijing time.
/// </summary>
/// <param name="What">What is counted, as it reads in the refusal (邀请, 联系方式申请).</param>
public readonly record struct DailyQuota(string What, int Limit)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The UTC instant at which the China day containing <paramref name="utcNow"/> began.</summary>
    public static DateTime DayStartUtc(DateTime utcNow)
    {
        var today = DateOnly.FromDateTime(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc) + ChinaOffset);
        return DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue) - ChinaOffset, DateTimeKind.Utc);
    }

    public string Refusal => $"今日{What}已达上限（每家企业每天 {Limit} 次），请明天再试。";

    /// <summary>
    /// The refusal when the employer has used up today's quota, otherwise null. <paramref name="countSince"/> counts the
    /// employer's records created at or after the given UTC instant.
    /// </summary>
    public async Task<string?> CheckAsync(DateTime utcNow, Func<DateTime, Task<int>> countSince) =>
        await countSince(DayStartUtc(utcNow)) >= Limit ? Refusal : null;
}
