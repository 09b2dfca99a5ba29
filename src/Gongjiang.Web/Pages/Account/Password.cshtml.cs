using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>修改密码, for every signed-in user: the current password, then the new one. The sign-in is renewed.</summary>
[Authorize, Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class PasswordModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入当前密码"), DataType(DataType.Password), Display(Name = "当前密码")]
    public string? CurrentPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "请输入新密码"), DataType(DataType.Password), Display(Name = "新密码")]
    public string? NewPassword { get; set; }

    public bool Changed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var changed = await useCases.RunAsync(new ChangePassword.Command(CurrentPassword, NewPassword), ct);
        if (!changed.Succeeded)
        {
            ModelState.AddResultErrorsToProperties(changed.Errors);
            return Page();
        }
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
