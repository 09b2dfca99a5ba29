using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>更换手机号: the new number is confirmed by the code sent to it; it then signs in and receives codes.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class PhoneModel(IUseCases useCases) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写新手机号"), Display(Name = "新手机号")]
    public string? Phone { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? Code { get; set; }

    public string? Notice { get; private set; }
    public bool Changed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var sent = await useCases.RunAsync(new RequestPhoneCode.Command(Phone, PhoneCodePurpose.ChangePhone, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (sent.Succeeded) Notice = "如该手机号可用，验证码已发送，5分钟内有效。";
        else ModelState.AddResultErrorsToProperties(sent.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var changed = await useCases.RunAsync(new ChangeMyPhone.Command(Phone, Code), ct);
        if (!changed.Succeeded)
        {
            ModelState.AddResultErrorsToProperties(changed.Errors);
            return Page();
        }
        Changed = true;
        return Page();
    }
}
