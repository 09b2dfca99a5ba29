using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Web.Api;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// 企业成员: the company's HR users; its administrators invite further HR users by mobile number, remove members (their
/// history stays) and make administrators. Every change is in the service log.
/// </summary>
public sealed class MembersModel(IUseCases useCases) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    /// <summary>The link of the invitation just sent, shown once to copy.</summary>
    [TempData] public string? Link { get; set; }
    public MemberList View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var sent = await useCases.RunAsync(new InviteMember.Command(Phone, Email, MembersApi.SiteAddress(Request)), ct);
        if (sent.Succeeded)
        {
            Message = "邀请短信已发送。对方打开短信中的链接，用该手机号接收验证码即可注册为本企业HR。";
            Link = sent.Value.Link;
            return RedirectToPage();
        }
        ModelState.Clear();
        ModelState.AddResultErrorsToProperties(sent.Errors);
        if (sent.Errors.All(e => e.Field is null)) Problem = ErrorText.For(sent.Errors[0]);
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? userId, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new RemoveMember.Command(userId ?? ""), ct), "已移除该成员。其发布的岗位和操作记录仍保留其姓名。");

    public async Task<IActionResult> OnPostAdminAsync(string? userId, bool admin, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new SetMemberAdmin.Command(userId ?? "", admin), ct), admin ? "已设为管理员。" : "已取消管理员。");

    public async Task<IActionResult> OnPostWithdrawAsync(string? inviteId, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new WithdrawInvite.Command(inviteId ?? ""), ct), "已撤回邀请。");

    private IActionResult Answer<T>(Result<T> result, string done)
    {
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.FailureKind == ErrorKind.Forbidden) return Forbid();
        if (result.Succeeded) Message = done;
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListMembers.Query(), ct);
        if (!list.Succeeded) return false;
        View = list.Value;
        return true;
    }
}
