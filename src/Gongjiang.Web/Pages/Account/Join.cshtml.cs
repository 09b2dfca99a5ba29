using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Account;

/// <summary>
/// Sign-up through a company's invitation (the link in the SMS): the invited number gets the code (获取验证码), the person
/// chooses a user name and password and becomes HR of the inviting company, signed in.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class JoinModel(IUseCases useCases, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "invite")] public string? Invite { get; set; }

    [BindProperty, Required(ErrorMessage = "请输入用户名"), Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写姓名"), Display(Name = "姓名")]
    public string PersonName { get; set; } = "";

    [BindProperty, Display(Name = "短信验证码")]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    public GetInvite.InviteView? Invitation { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var sent = await useCases.RunAsync(new SendInviteCode.Command(Invite, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (sent.Succeeded) Notice = "验证码已发送到受邀手机号，5分钟内有效。";
        else Error = ErrorText.For(sent.Errors[0]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var joined = await useCases.RunAsync(new JoinEmployer.Command(Invite, UserName, Password, PersonName, Code), ct);
        if (joined.Succeeded)
        {
            await signIn.SignInAsync(joined.Value, isPersistent: true);
            return LocalRedirect("/Employer/Jobs");
        }
        if (joined.Errors.All(e => e.Field is null)) Error = ErrorText.For(joined.Errors[0]);
        else ModelState.AddResultErrorsToProperties(joined.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var invite = await useCases.RunAsync(new GetInvite.Query(Invite), ct);
        if (invite.Succeeded) Invitation = invite.Value;
        else Error ??= ErrorText.For(invite.Errors[0]);
    }
}
