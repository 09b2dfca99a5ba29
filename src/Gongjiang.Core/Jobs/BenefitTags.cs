namespace Gongjiang.Core.Jobs;

/// <summary>
/// The benefit tags (福利标签) a posting may carry: one fixed list, in the order they are shown. Postings store the
/// Chinese tag itself; the editor offers exactly these and anything else is refused.
/// </summary>
public static class BenefitTags
{
    public static readonly IReadOnlyList<string> All =
        ["五险一金", "包吃住", "包住", "包吃", "双休", "长白班", "年终奖", "13薪", "加班费", "交通补贴", "住房补贴", "餐补", "节日福利", "带薪年假", "定期体检", "技能补贴"];

    public static bool IsKnown(string tag) => All.Contains(tag, StringComparer.Ordinal);

    /// <summary>The tags in the list's order, each once.</summary>
    public static List<string> Ordered(IEnumerable<string> tags)
    {
        var set = tags.ToHashSet(StringComparer.Ordinal);
        return All.Where(set.Contains).ToList();
    }
}
