using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Talent;
using Gongjiang.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>Seeker sign-up: consent to the processing rules is explicit, and applicants under 16 are refused.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongjiang.Web.Infrastructure.RateLimits.SignIn)]
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, PrivacyService privacy, TalentService talent,
    Microsoft.Extensions.Localization.IStringLocalizer<Gongjiang.Web.Infrastructure.SharedResource> localizer) : PageModel
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
        var outcome = await SeekerRegistration.RegisterAsync(new AccountApi.RegisterRequest(UserName, Password, Name, Phone, BirthYear, Consent), users, privacy, talent, ct);
        if (outcome.Conflict is not null)
        {
            Error = outcome.Conflict;
            return Page();
        }
        if (outcome.Errors.Count > 0)
        {
            foreach (var (field, message) in outcome.Errors) ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], localizer[message]);
            return Page();
        }
        await signIn.SignInAsync(outcome.User!, isPersistent: true);
        return LocalRedirect("/Seeker/MyData?registered=1");
    }
}
