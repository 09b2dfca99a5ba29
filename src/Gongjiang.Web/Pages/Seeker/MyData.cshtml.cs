using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Privacy;
using Gongjiang.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>The seeker's data: a full copy to download, and account deletion confirmed with the password.</summary>
public sealed class MyDataModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, PrivacyService privacy) : PageModel
{
    [BindProperty, DataType(DataType.Password), Display(Name = "密码")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Registered { get; set; }

    public string? Problem { get; private set; }
    public IReadOnlyList<PrivacyConsent> Consents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null && await privacy.ExportAsync(user.Id, ct) is { } export)
            Consents = export.Consents.Select(c => new PrivacyConsent { Purpose = c.Purpose, PolicyVersion = c.PolicyVersion, AgreedAt = c.AgreedAt }).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || await privacy.ExportAsync(user.Id, ct) is not { } export) return NotFound();
        return File(AccountApi.ExportJson(export), "application/json", AccountApi.ExportFileName());
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            Problem = "密码不正确，账号未删除。";
            await OnGetAsync(ct);
            return Page();
        }
        var record = await privacy.EraseAsync(user.Id, "request", ct);
        await signIn.SignOutAsync();
        return LocalRedirect("/?erased=" + Uri.EscapeDataString(record?.Reference ?? ""));
    }
}
