using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Employers;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>Employer verification (企业认证): the queue of applications, approve or reject with a note; HR-service licences.</summary>
public sealed class EmployersModel(IUseCases useCases) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ReviewEmployers.Screen? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var screen = await useCases.RunAsync(new ReviewEmployers.Query(Status, Q, PageNumber, PageSize), ct);
        View = screen.Succeeded ? screen.Value : null;
    }

    /// <summary>Downloads an employer's HR-service licence file.</summary>
    public async Task<IActionResult> OnGetLicenceAsync(string id, CancellationToken ct)
    {
        var file = await useCases.RunAsync(new GetLicenceFile.Query(id), ct);
        return file.Succeeded ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }

    /// <summary>The business licence image shown inline beside the registered name and code.</summary>
    public async Task<IActionResult> OnGetBusinessLicenceAsync(string id, CancellationToken ct)
    {
        var file = await useCases.RunAsync(new GetLicenceFile.Query(id, Business: true), ct);
        return file.Succeeded ? File(file.Value.Content, file.Value.ContentType) : NotFound();
    }

    /// <summary>Approves or rejects an HR-service licence; a rejection needs a note.</summary>
    public async Task<IActionResult> OnPostLicenceAsync(string id, bool approve, string? note, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new DecideLicence.Command(id, approve, note), ct), approve ? "许可证已通过：{0}" : "许可证已驳回：{0}");

    public async Task<IActionResult> OnPostDecideAsync(string id, bool approve, string? note, CancellationToken ct) =>
        Answer(await useCases.RunAsync(new DecideVerification.Command(id, approve, note), ct), approve ? "已通过认证：{0}" : "已驳回：{0}");

    /// <param name="done">A message of the web resources naming the employer ({0}).</param>
    private IActionResult Answer(Result<Core.Employers.Employer> result, string done)
    {
        if (result.FailureKind == ErrorKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            Message = done;
            TempData["MessageArg"] = result.Value.Name;
        }
        else Problem = ErrorText.For(result.Errors[0]);
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    public string Link(int page) => "/Operator/Employers" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["q"] = Q, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
