using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Talent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Account;

/// <summary>
/// Sign-in with a user name or, for a seeker, the mobile number on their profile. The account is looked up first by user
/// name, then by phone (through the profile's blind index); either way the same password check, lockout and rate limit apply.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongjiang.Web.Infrastructure.RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, TalentService talent) : PageModel
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
        var user = await FindUserAsync(UserName.Trim(), ct);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        Error = result.IsLockedOut ? "登录失败次数过多，账号已临时锁定，请15分钟后再试。" : "用户名或密码错误。";
        return Page();
    }

    /// <summary>The account with this user name, else the seeker account whose profile has this mobile number.</summary>
    private async Task<AppUser?> FindUserAsync(string login, CancellationToken ct)
    {
        if (await signIn.UserManager.FindByNameAsync(login) is { } byName) return byName;
        if (!LooksLikeMobile(login)) return null;
        var talentId = await talent.FindTalentIdByIdentityAsync(login, null, ct);
        if (talentId is null) return null;
        return await signIn.UserManager.Users.FirstOrDefaultAsync(u => u.TalentId == talentId, ct);
    }

    /// <summary>A mainland mobile number, written with optional +86, spaces or dashes (138-1234-5678).</summary>
    private static bool LooksLikeMobile(string login) =>
        login.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')
        && PersonalDataProtector.NormalizePhone(login) is { Length: 11 } digits && digits[0] == '1';
}
