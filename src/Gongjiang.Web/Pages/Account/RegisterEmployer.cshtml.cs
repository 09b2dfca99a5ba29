using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Common;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>
/// 企业/机构注册: the company with its business licence, and the applying person as its administrator with a verified
/// mobile number. Signed in afterwards, the administrator sees the account pending until an operator verifies it.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[RequestSizeLimit(2 * Gongjiang.Core.Employers.LicenceFiles.MaxBytes + 256 * 1024)]
public sealed class RegisterEmployerModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    public static IReadOnlyList<string> Clusters => IndustryClusters.All;

    [BindProperty, Required(ErrorMessage = "请填写手机号")] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty, Required(ErrorMessage = "请填写姓名")] public string? PersonName { get; set; }
    [BindProperty, Required(ErrorMessage = "请输入用户名")] public string? UserName { get; set; }
    [BindProperty, DataType(DataType.Password)] public string? Password { get; set; }
    [BindProperty, Required(ErrorMessage = "请填写单位名称")] public string? CompanyName { get; set; }
    [BindProperty] public string? Uscc { get; set; }
    [BindProperty] public string? LicensedName { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? IndustryCluster { get; set; }
    [BindProperty] public bool IsAgency { get; set; }
    [BindProperty] public IFormFile? BusinessLicence { get; set; }
    [BindProperty] public string? HrLicenceNumber { get; set; }
    [BindProperty] public string? HrLicenceAuthority { get; set; }
    [BindProperty] public DateOnly? HrLicenceValidUntil { get; set; }
    [BindProperty] public IFormFile? HrLicence { get; set; }

    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

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
        await using var business = BusinessLicence is { Length: > 0 } ? BusinessLicence.OpenReadStream() : null;
        await using var hr = HrLicence is { Length: > 0 } ? HrLicence.OpenReadStream() : null;
        var registered = await useCases.RunAsync(new RegisterEmployer.Command(CompanyName, Uscc, LicensedName, City, IndustryCluster, IsAgency, business,
            HrLicenceNumber, HrLicenceAuthority, HrLicenceValidUntil, hr, UserName, Password, PersonName, Phone, Code), ct);
        if (!registered.Succeeded)
        {
            if (registered.FailureKind == Gongjiang.Application.Common.Results.ErrorKind.Conflict)
                Error = Gongjiang.Application.Common.Results.ErrorText.For(registered.Errors[0]);
            else
                ModelState.AddResultErrorsToProperties(registered.Errors);
            return Page();
        }
        await signIn.SignInAsync(registered.Value.Admin, isPersistent: true);
        return LocalRedirect("/Employer/Company?registered=1");
    }
}
