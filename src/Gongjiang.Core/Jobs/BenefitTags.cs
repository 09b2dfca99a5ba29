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

    /// <summary>Other words people type or write for a tag (六险一金, 包食宿, 周末双休, 十三薪 …).</summary>
    private static readonly Dictionary<string, string[]> OtherWords = new(StringComparer.Ordinal)
    {
        ["五险一金"] = ["六险一金", "五险"],
        ["包吃住"] = ["包食宿", "提供食宿", "管吃住"],
        ["包住"] = ["包住宿", "提供住宿", "包吃住", "包食宿"],
        ["包吃"] = ["工作餐", "免费餐", "包吃住", "包食宿"],
        ["双休"] = ["周末双休"],
        ["长白班"] = ["常白班"],
        ["13薪"] = ["十三薪"],
        ["带薪年假"] = ["年假"],
        ["交通补贴"] = ["班车"],
        ["住房补贴"] = ["房补"],
    };

    /// <summary>The tag a typed word names (the tag itself or one of its other words), if any.</summary>
    public static string? Find(string? word)
    {
        var w = word?.Trim();
        if (string.IsNullOrEmpty(w)) return null;
        if (IsKnown(w)) return w;
        return All.FirstOrDefault(tag => OtherWords.TryGetValue(tag, out var others) && others.Contains(w, StringComparer.Ordinal));
    }

    /// <summary>The words that show in a posting's text that it offers the tag: the tag and its other words.</summary>
    public static IReadOnlyList<string> Words(string tag) =>
        OtherWords.TryGetValue(tag, out var others) ? [tag, .. others] : [tag];

    /// <summary>The tags in the list's order, each once.</summary>
    public static List<string> Ordered(IEnumerable<string> tags)
    {
        var set = tags.ToHashSet(StringComparer.Ordinal);
        return All.Where(set.Contains).ToList();
    }
}
