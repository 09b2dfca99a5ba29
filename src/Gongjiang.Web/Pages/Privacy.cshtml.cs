using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages;

/// <summary>个人信息处理规则 (《个人信息保护法》第十七条): purposes, kinds of data, retention and the seeker's rights.</summary>
public sealed class PrivacyModel : PageModel
{
    public string Version => Gongjiang.Application.Privacy.PrivacyPolicy.Version;
    public void OnGet() { }
}
