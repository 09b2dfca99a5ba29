namespace Gongjiang.Core.Common;

/// <summary>The industry clusters (产业集群) of the high-tech zones the platform serves.</summary>
public static class IndustryClusters
{
    public static readonly IReadOnlyList<string> All =
        ["智能制造", "电子信息", "新材料", "新能源", "生物医药", "集成电路", "人工智能", "航空航天", "机器人"];

    public static bool IsKnown(string? cluster) => cluster is not null && All.Contains(cluster);
}
