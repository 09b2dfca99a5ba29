using Gongjiang.Application.Common;

namespace Gongjiang.Application.Tests.Common;

public sealed class DailyQuotaTests
{
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(15, 15, 59, 14, 16)] // 23:59 in Beijing on the 15th: the day began at 16:00 UTC on the 14th
    [InlineData(15, 16, 0, 15, 16)]  // midnight in Beijing: a new day
    [InlineData(15, 0, 0, 14, 16)]   // 08:00 in Beijing
    public void The_day_is_the_china_calendar_day(int day, int hour, int minute, int startDay, int startHour) =>
        Assert.Equal(Utc(startDay, startHour), DailyQuota.DayStartUtc(Utc(day, hour, minute)));

    [Fact]
    public async Task The_quota_counts_from_the_start_of_the_china_day_and_refuses_once_used_up()
    {
        var sent = new[] { Utc(14, 15, 30), Utc(14, 16, 30), Utc(15, 9) }; // the first is yesterday in Beijing
        var quota = new DailyQuota("邀请", 2);
        DateTime? asked = null;
        Task<int> CountSince(DateTime since) { asked = since; return Task.FromResult(sent.Count(s => s >= since)); }

        Assert.Equal("今日邀请已达上限（每家企业每天 2 次），请明天再试。", await quota.CheckAsync(Utc(15, 10), CountSince));
        Assert.Equal(Utc(14, 16), asked);
        Assert.Null(await new DailyQuota("邀请", 3).CheckAsync(Utc(15, 10), CountSince));
        Assert.Null(await quota.CheckAsync(Utc(15, 16, 1), CountSince)); // the next Beijing day starts afresh
    }
}
