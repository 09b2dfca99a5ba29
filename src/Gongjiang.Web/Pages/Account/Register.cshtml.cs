using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>Seeker sign-up: consent to the processing rules is explicit, and applicants under 16 are refused.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongjiang.Web.Infrastructure.RateLimits.SignIn)]
public sealed class RegisterModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名"), Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写姓名"), Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [BindProperty, Display(Name = "手机号")]
    public string? Phone { get; set; }

    [BindProperty, Required(ErrorMessage = "请填写出生年份"), Display(Name = "出生年份")]
    public int? BirthYear { get; set; }

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [BindProperty, Display(Name = "同意")]
    public bool Consent { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var registered = await useCases.RunAsync(new RegisterSeeker.Command(UserName, Password, Name, Phone, BirthYear, Consent), ct);
        if (registered.FailureKind == ErrorKind.Conflict)
        {
            Error = ErrorText.For(registered.Errors[0]);
            return Page();
        }
        if (!registered.Succeeded)
        {
            // The use case names the fields as the API does (userName); the form's fields are the properties (UserName).
            ModelState.AddResultErrors(registered.Errors.Select(e => e.ForField(e.Field is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : e.Field)));
            return Page();
        }
        await signIn.SignInAsync(registered.Value, isPersistent: true);
        return LocalRedirect("/Seeker/MyData?registered=1");
    }
}
