namespace Gongjiang.Web.Pages.Chat;

/// <summary>The Chinese keys (translated like every page text) of what a chat message shows besides its words.</summary>
public static class ChatLabels
{
    public static string Kind(string kind) => kind switch
    {
        "job_card" => "[岗位卡片]", "invitation" => "[投递邀请]", "interview" => "[面试邀约]", _ => "",
    };

    public static string Side(string side) => side == "employer" ? "招聘方" : "求职者";
}
