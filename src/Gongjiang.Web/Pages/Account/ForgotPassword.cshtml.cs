using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>忘记密码: a new password with the code sent to the account's number; then the person signs in with it.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(IUseCases useCases) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写手机号"), Display(Name = "手机号")]
    public string? Phone { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? Code { get; set; }

    [BindProperty, DataType(DataType.Password), Display(Name = "新密码")]
    public string? NewPassword { get; set; }

    public string? Notice { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var sent = await useCases.RunAsync(new RequestPhoneCode.Command(Phone, PhoneCodePurpose.ResetPassword, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (sent.Succeeded) Notice = "如该手机号已注册，验证码已发送，5分钟内有效。";
        else ModelState.AddResultErrorsToProperties(sent.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var reset = await useCases.RunAsync(new ResetPassword.Command(Phone, Code, NewPassword), ct);
        if (!reset.Succeeded)
        {
            ModelState.AddResultErrorsToProperties(reset.Errors);
            return Page();
        }
        return LocalRedirect("/Account/Login?reset=1");
    }
}
