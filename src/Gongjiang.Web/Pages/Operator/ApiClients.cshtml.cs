using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>
/// API客户端 (administrators): personal access tokens and OAuth clients for a zone's other systems, each for an account and
/// scoped to one of its roles, with an expiry; the secret is shown once after creating; revoke stops it at once.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class ApiClientsModel(IUseCases useCases) : PageModel
{
    [BindProperty] public string? Kind { get; set; } = "personal_token";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public int? Days { get; set; } = 90;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    /// <summary>The secret of the credential just created, shown this once.</summary>
    public ApiCredentialCreated? Created { get; private set; }
    public IReadOnlyList<ApiCredentialRow> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var created = await useCases.RunAsync(new CreateApiCredential.Command(Kind, Name, UserName, Role, Days), ct);
        ModelState.Clear();
        if (created.Succeeded) Created = created.Value; // shown on this answer only, never stored
        else
        {
            ModelState.AddResultErrorsToProperties(created.Errors);
            if (created.Errors.All(e => e.Field is null)) Problem = ErrorText.For(created.Errors[0]);
        }
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id, CancellationToken ct)
    {
        var revoked = await useCases.RunAsync(new RevokeApiCredential.Command(id ?? ""), ct);
        if (revoked.FailureKind == ErrorKind.NotFound) return NotFound();
        if (revoked.Succeeded) Message = "已吊销，使用它的请求会立即被拒绝。";
        else Problem = ErrorText.For(revoked.Errors[0]);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListApiCredentials.Query(), ct);
        if (!list.Succeeded) return false;
        Items = list.Value;
        return true;
    }

    public static string KindName(string kind) => kind == "personal_token" ? "个人访问令牌" : "OAuth 客户端";
}
