namespace Gongjiang.Matching.Engine;

/// <summary>
/// What a résumé says about the seeker's work record beyond trade, grade and skills (履历信号): recognition — skill
/// competitions, awards, 优秀员工 or 先进 titles, apprentices trained, improvements adopted — or instability — many or
/// short jobs, time out of the trade, mostly auxiliary work. The hand weights do not use it; a learned ranker may learn
/// from outcomes how much it counts.
/// </summary>
public static class WorkRecordSignals
{
    /// <summary>Phrases of recognition.</summary>
    public static readonly IReadOnlyList<string> Recognition =
        ["竞赛", "获奖", "优秀员工", "先进工作者", "先进个人", "劳动模范", "劳模", "标兵", "技术能手", "徒弟", "带徒", "被采纳", "技术革新", "工艺改进", "专利"];

    /// <summary>Phrases of instability.</summary>
    public static readonly IReadOnlyList<string> Instability =
        ["换过", "跳槽", "时间较短", "时间都不长", "离开了本行业", "离开本行业", "辅助性工作", "独立操作经验不多", "经验不多"];

    /// <summary>1 when the text shows recognition only, 0 when it shows instability only, 0.5 when neither or both.</summary>
    public static float Of(string? resumeText)
    {
        if (string.IsNullOrEmpty(resumeText)) return 0.5f;
        var recognised = Recognition.Any(p => resumeText.Contains(p, StringComparison.Ordinal));
        var unstable = Instability.Any(p => resumeText.Contains(p, StringComparison.Ordinal));
        return recognised == unstable ? 0.5f : recognised ? 1f : 0f;
    }
}
