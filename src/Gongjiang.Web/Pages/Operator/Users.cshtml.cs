using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>用户管理 (administrators): search accounts, change roles, disable or enable, unlock; every change is in the service log.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public UserPage? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await useCases.RunAsync(new ListUsers.Query(Q, Role, Math.Max(1, PageNumber)), ct);
        if (page.Succeeded) View = page.Value;
        else Problem = ErrorText.For(page.Errors[0]);
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, List<string> roles, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new ChangeUserRoles.Command(id, roles), ct), "已更新角色：{0}");

    public async Task<IActionResult> OnPostDisableAsync(string id, string? reason, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new SetUserDisabled.Command(id, true, reason), ct), "已停用：{0}");

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new SetUserDisabled.Command(id, false, null), ct), "已启用：{0}");

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new UnlockUser.Command(id), ct), "已解锁：{0}");

    private IActionResult Answer(Result<UserRow> result, string done)
    {
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            Message = done;
            TempData["MessageArg"] = result.Value.UserName;
        }
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { q = Q, role = Role, p = PageNumber });
    }

    public static string RoleName(string role) => role switch
    {
        Roles.Seeker => "求职者", Roles.EmployerHR => "企业HR", Roles.Agency => "人力资源服务机构", Roles.Operator => "园区运营", _ => "平台管理员",
    };
}
