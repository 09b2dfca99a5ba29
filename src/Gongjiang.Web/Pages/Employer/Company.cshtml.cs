using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Employers;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>The company profile: registered facts, verification and licence (read-only), and the public description (editable).</summary>
public sealed class CompanyModel(IUseCases useCases) : PageModel
{
    /// <summary>The employer's profile, or null when the account has no employer.</summary>
    public GetCompanyProfile.Profile? View { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Address { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (View?.Company is not { } c) return;
        (Description, Website, Address) = (c.Description, c.Website, c.Address);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        RunAsync(new UpdateCompanyProfile.Command(Description, Website, Address), "企业介绍已保存。", ct);

    /// <summary>HR asks for (re-)verification with the name on the business licence.</summary>
    public Task<IActionResult> OnPostRequestVerificationAsync(string? licensedName, CancellationToken ct) =>
        RunAsync(new RequestVerification.Command(null, licensedName), "认证申请已提交，请等待园区审核。", ct);

    /// <summary>An HR-service business submits its 人力资源服务许可证 (multipart form).</summary>
    public async Task<IActionResult> OnPostLicenceAsync(string? licenceNumber, string? licenceAuthority, DateOnly? licenceValidUntil, IFormFile? licenceFile,
        CancellationToken ct)
    {
        await using var file = licenceFile is { Length: > 0 } ? licenceFile.OpenReadStream() : null;
        return await RunAsync(new SubmitLicence.Command(null, licenceNumber, licenceAuthority, licenceValidUntil, file), "许可证已提交，请等待园区审核。", ct);
    }

    /// <summary>The employer asks an operator to review a posting (e.g. to contest a screening flag).</summary>
    public Task<IActionResult> OnPostRequestReviewAsync(string jobId, string? note, CancellationToken ct) =>
        RunAsync(new RequestScreeningReview.Command(jobId, note), "已提交人工复核申请。", ct);

    /// <summary>
    /// Runs one change: on success back to the page with the message; field errors show on the form; a posting that is not
    /// the employer's answers 404; any other refusal is shown above the page.
    /// </summary>
    private async Task<IActionResult> RunAsync<T>(IUseCase<T> change, string done, CancellationToken ct)
    {
        var result = await useCases.RunAsync(change, ct);
        if (result.Succeeded) { Message = done; return RedirectToPage(); }
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Errors.Any(e => e.Field is not null))
        {
            ModelState.AddResultErrors(result.Errors, "Form");
            await LoadAsync(ct);
            return Page();
        }
        Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var profile = await useCases.RunAsync(new GetCompanyProfile.Query(), ct);
        View = profile.Succeeded ? profile.Value : null;
    }

    public string LicenceStatusKey => View?.Company.HrLicenceStatus switch
    {
        Core.Employers.HrLicenceStatus.Pending => "审核中", Core.Employers.HrLicenceStatus.Approved => "已通过",
        Core.Employers.HrLicenceStatus.Rejected => "未通过", _ => "未提交",
    };
}
