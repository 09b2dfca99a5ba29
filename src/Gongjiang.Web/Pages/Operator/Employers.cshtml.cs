using System.Security.Claims;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>Employer verification (企业认证): the queue of applications, approve or reject with a note.</summary>
public sealed class EmployersModel(EmployerService employers, AppDbContext db, Application.Compliance.VerificationService verification) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public VerificationStatus Current { get; private set; } = VerificationStatus.Pending;
    public Paged<Core.Employers.Employer> Result { get; private set; } = new([], 1, PageSize, 0);
    public Dictionary<VerificationStatus, int> Counts { get; private set; } = [];
    public Dictionary<string, int> JobCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Enum.TryParse<VerificationStatus>(Status, true, out var s)) Current = s;
        Counts = await db.Employers.GroupBy(e => e.Verification).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var due = await verification.DueAsync(ct);
        DueCount = due.Count;
        if (ShowingDue)
            Result = new Paged<Core.Employers.Employer>(due, 1, Math.Max(1, due.Count), due.Count);
        else
            Result = await employers.ListAsync(Current, Q, PageNumber, PageSize, ct);
        var ids = Result.Items.Select(e => e.Id).ToList();
        JobCounts = await db.Jobs.Where(j => ids.Contains(j.EmployerId)).GroupBy(j => j.EmployerId)
            .Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
    }

    /// <summary>The re-verification queue: verifications lapsing within 30 days and expired ones.</summary>
    public bool ShowingDue => string.Equals(Status, "due", StringComparison.OrdinalIgnoreCase);
    public int DueCount { get; private set; }

    /// <summary>Downloads an employer's HR-service licence file.</summary>
    public async Task<IActionResult> OnGetLicenceAsync(string id, CancellationToken ct)
    {
        var employer = await employers.FindAsync(id, ct);
        if (employer is null || verification.OpenLicenceFile(employer) is not { } stream) return NotFound();
        return File(stream, employer.HrLicenceContentType ?? "application/octet-stream",
            employer.Id + "-licence" + LicenceFiles.Extension(employer.HrLicenceContentType ?? ""));
    }

    /// <summary>Approves or rejects an HR-service licence; a rejection needs a note.</summary>
    public async Task<IActionResult> OnPostLicenceAsync(string id, bool approve, string? note, CancellationToken ct)
    {
        var result = await verification.DecideLicenceAsync(
            User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Application.Compliance.ServiceLog.SystemActor, id, approve, note?.Trim(), ct);
        if (result.Failure == Application.Compliance.ComplianceFailure.NotFound) return NotFound();
        if (result.Succeeded)
        {
            Message = approve ? "许可证已通过：{0}" : "许可证已驳回：{0}";
            TempData["MessageArg"] = result.Value!.Name;
        }
        else Problem = result.Message;
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    public async Task<IActionResult> OnPostDecideAsync(string id, bool approve, string? note, CancellationToken ct)
    {
        note = note?.Trim();
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            Problem = "驳回时请填写审核意见，告诉企业需要补充或更正什么。";
            return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
        }
        if (note is { Length: > 500 }) note = note[..500];
        var employer = await employers.DecideVerificationAsync(id, approve, note,
            User.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier) ?? Application.Compliance.ServiceLog.SystemActor, ct);
        if (employer is null) return NotFound();
        Message = approve ? "已通过认证：{0}" : "已驳回：{0}";
        TempData["MessageArg"] = employer.Name;
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    public string Link(int page) => "/Operator/Employers" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["q"] = Q, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
