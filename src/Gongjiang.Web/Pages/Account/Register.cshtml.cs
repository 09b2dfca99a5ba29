using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>
/// Seeker sign-up: the mobile number is confirmed by an SMS code (获取验证码 posts the form to <c>SendCode</c>, which keeps
/// what was typed), consent to the processing rules is explicit, and applicants under 16 are refused.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongjiang.Web.Infrastructure.RateLimits.SignIn)]
public sealed class RegisterModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名"), Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写姓名"), Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写手机号"), Display(Name = "手机号")]
    public string? Phone { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "请填写出生年份"), Display(Name = "出生年份")]
    public int? BirthYear { get; set; }

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [BindProperty, Display(Name = "同意")]
    public bool Consent { get; set; }

    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public void OnGet() { }

    /// <summary>获取验证码: the same answer whether or not the number is on record.</summary>
    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var sent = await useCases.RunAsync(new RequestPhoneCode.Command(Phone, PhoneCodePurpose.Register, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (sent.Succeeded) Notice = "验证码已发送到该手机号（如可用于注册），5分钟内有效。";
        else ModelState.AddResultErrorsToProperties(sent.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var registered = await useCases.RunAsync(new RegisterSeeker.Command(UserName, Password, Name, Phone, Code, BirthYear, Consent), ct);
        if (registered.FailureKind == ErrorKind.Conflict)
        {
            Error = ErrorText.For(registered.Errors[0]);
            return Page();
        }
        if (!registered.Succeeded)
        {
            // The use case names the fields as the API does (userName); the form's fields are the properties (UserName).
            ModelState.AddResultErrorsToProperties(registered.Errors);
            return Page();
        }
        await signIn.SignInAsync(registered.Value, isPersistent: true);
        return LocalRedirect("/Seeker/MyData?registered=1");
    }
}
