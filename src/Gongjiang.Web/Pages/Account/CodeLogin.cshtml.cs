using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>
/// 短信验证码登录: sign-in by the code sent to the account's number. 获取验证码 answers the same whether or not the number has
/// an account; a wrong, used or expired code is one message.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class CodeLoginModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写手机号"), Display(Name = "手机号")]
    public string? Phone { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Notice { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var sent = await useCases.RunAsync(new RequestPhoneCode.Command(Phone, PhoneCodePurpose.SignIn, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (sent.Succeeded) Notice = "如该手机号已注册，验证码已发送，5分钟内有效。";
        else ModelState.AddResultErrorsToProperties(sent.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var account = await useCases.RunAsync(new SignInWithPhoneCode.Command(Phone, Code), ct);
        if (!account.Succeeded)
        {
            ModelState.AddResultErrorsToProperties(account.Errors);
            return Page();
        }
        await signIn.SignInAsync(account.Value, isPersistent: true);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
