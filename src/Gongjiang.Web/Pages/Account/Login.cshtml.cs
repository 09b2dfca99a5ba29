using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>
/// Sign-in with a user name or, for a seeker, the mobile number on their profile. The account is looked up first by user
/// name, then by phone (through the profile's blind index); either way the same password check, lockout and rate limit apply.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongjiang.Web.Infrastructure.RateLimits.SignIn)]
public sealed class LoginModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名或手机号"), Display(Name = "用户名或手机号")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var account = await useCases.RunAsync(new FindSignInAccount.Query(UserName), ct);
        var user = account.Succeeded ? account.Value : null;
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : RoleHomes.For(await signIn.UserManager.GetRolesAsync(user!)));
        Error = result.IsLockedOut && user?.DisabledAt is not null ? "账号已停用，请联系平台管理员。"
            : result.IsLockedOut ? "登录失败次数过多，账号已临时锁定，请15分钟后再试。" : "用户名或密码错误。";
        return Page();
    }
}
