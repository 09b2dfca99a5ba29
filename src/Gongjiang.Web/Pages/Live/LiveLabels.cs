namespace Gongjiang.Web.Pages.Live;

/// <summary>The Chinese keys (translated in SharedResource) of the rooms' statuses, host kinds and push kinds.</summary>
public static class LiveLabels
{
    public static string Status(string status) => status switch
    {
        "live" => "直播中", "ended" => "已结束", "cancelled" => "已取消", _ => "预告",
    };

    public static string StatusTag(string status) => status switch
    {
        "live" => "tag-err", "ended" => "tag-muted", "cancelled" => "tag-muted", _ => "tag-ok",
    };

    public static string HostKind(string kind) => kind switch
    {
        "agency" => "人力资源机构", "operator" => "园区官方", _ => "企业",
    };

    public static string Push(string kind) => kind switch
    {
        "invitation" => "投递邀请", "offer" => "offer 卡", _ => "岗位卡片",
    };
}
