using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>The seeker's data: a full copy to download, and account deletion confirmed with the password.</summary>
public sealed class MyDataModel(IUseCases useCases) : PageModel
{
    [BindProperty, DataType(DataType.Password), Display(Name = "密码")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Registered { get; set; }

    public string? Problem { get; private set; }
    public IReadOnlyList<PrivacyConsent> Consents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Consents = (await useCases.RunAsync(new ListPrivacyConsents.Query(), ct)).Value;

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var export = await useCases.RunAsync(new ExportMyData.Query(), ct);
        if (!export.Succeeded) return NotFound();
        return File(export.Value.Content, export.Value.ContentType, export.Value.FileName);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var erased = await useCases.RunAsync(new EraseMyAccount.Command(Password), ct);
        if (erased.FailureKind == ErrorKind.NotFound) return NotFound();
        if (!erased.Succeeded)
        {
            Problem = ErrorText.For(erased.Errors[0]);
            await OnGetAsync(ct);
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/?erased=" + Uri.EscapeDataString(erased.Value.Reference));
    }
}
