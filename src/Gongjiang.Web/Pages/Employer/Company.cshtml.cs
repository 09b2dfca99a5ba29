using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>The company profile: registered facts and verification status (read-only), and the public description (editable).</summary>
public sealed class CompanyModel(UserManager<AppUser> users, AppDbContext db, EmployerService employers, TimeProvider clock,
    Application.Compliance.ServiceLog serviceLog, Application.Compliance.ScreeningQueueService screeningQueue, Core.Compliance.PostingScreener screener,
    Application.Compliance.VerificationService verification) : PageModel
{
    /// <summary>Why the employer cannot publish now (the publishing gate), or null.</summary>
    public string? WhyCannotPublish => Company is null ? null : EmployerAccount.WhyCannotPublish(Company, clock);

    public bool CanRequestVerification => Company is { } c && (c.Verification is Core.Employers.VerificationStatus.Rejected or Core.Employers.VerificationStatus.Expired
        || c.Verification == Core.Employers.VerificationStatus.Pending && c.VerificationRequestedAt is null
        || Application.Compliance.VerificationService.IsDue(c, clock.GetUtcNow().UtcDateTime));

    public string LicenceStatusKey => Company?.HrLicenceStatus switch
    {
        Core.Employers.HrLicenceStatus.Pending => "审核中", Core.Employers.HrLicenceStatus.Approved => "已通过",
        Core.Employers.HrLicenceStatus.Rejected => "未通过", _ => "未提交",
    };

    /// <summary>HR asks for (re-)verification with the name on the business licence.</summary>
    public async Task<IActionResult> OnPostRequestVerificationAsync(string? licensedName, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return Page();
        var user = await users.GetUserAsync(User);
        var result = await verification.RequestVerificationAsync(user!.Id, Company.Id, licensedName, ct);
        if (result.Succeeded) { Message = "认证申请已提交，请等待园区审核。"; return RedirectToPage(); }
        if (result.Field is not null) { Errors[result.Field] = [result.Message ?? ""]; return Page(); }
        Problem = result.Message;
        return RedirectToPage();
    }

    /// <summary>An HR-service business submits its 人力资源服务许可证 (multipart form).</summary>
    public async Task<IActionResult> OnPostLicenceAsync(string? licenceNumber, string? licenceAuthority, DateOnly? licenceValidUntil, IFormFile? licenceFile,
        CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return Page();
        if (licenceFile is null || licenceFile.Length == 0) { Errors["file"] = ["请上传许可证文件。"]; return Page(); }
        if (licenceFile.Length > Core.Employers.LicenceFiles.MaxBytes) { Errors["file"] = ["文件不能超过 5 MB。"]; return Page(); }
        var user = await users.GetUserAsync(User);
        await using var stream = licenceFile.OpenReadStream();
        var result = await verification.SubmitLicenceAsync(user!.Id, Company.Id,
            new Application.Compliance.LicenceInput(licenceNumber, licenceAuthority, licenceValidUntil), stream, ct);
        if (result.Succeeded) { Message = "许可证已提交，请等待园区审核。"; return RedirectToPage(); }
        if (result.Field is not null) { Errors[result.Field] = [result.Message ?? ""]; return Page(); }
        Problem = result.Message;
        return RedirectToPage();
    }

    public Core.Employers.Employer? Company { get; private set; }
    public Dictionary<JobStatus, int> JobCounts { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    /// <summary>Postings the platform took down, with the reason given.</summary>
    public List<(JobPosting Job, string? Reason)> TakenDown { get; private set; } = [];
    /// <summary>Postings an operator sent back from review, with the note.</summary>
    public List<(Application.Compliance.ScreeningReview Review, string Title)> SentBack { get; private set; } = [];
    /// <summary>Own postings that may be sent for an operator's review.</summary>
    public List<JobPosting> Reviewable { get; private set; } = [];

    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Address { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return;
        Description = Company.Description;
        Website = Company.Website;
        Address = Company.Address;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return Page();
        if ((Description?.Length ?? 0) > 4000) Errors["description"] = ["最多 4000 个字符"];
        if (!string.IsNullOrWhiteSpace(Website))
        {
            var site = Website.Trim();
            if (!site.Contains("://", StringComparison.Ordinal)) site = "https://" + site;
            if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.'))
                Errors["website"] = ["请输入有效的网址，如 www.example.com"];
            else if (site.Length > 300) Errors["website"] = ["最多 300 个字符"];
            else Website = site;
        }
        if ((Address?.Length ?? 0) > 300) Errors["address"] = ["最多 300 个字符"];
        if (Errors.Count > 0) return Page();
        await employers.UpdateProfileAsync(Company.Id, Description, Website, Address, ct);
        Message = "企业介绍已保存。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Company = await EmployerAccount.CurrentAsync(User, users, db, ct);
        if (Company is null) return;
        var id = Company.Id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var states = await db.Jobs.Where(j => j.EmployerId == id).Select(j => new JobPosting { Status = j.Status, ExpiresAt = j.ExpiresAt }).ToListAsync(ct);
        JobCounts = states.GroupBy(j => Ui.EffectiveStatus(j, today)).ToDictionary(g => g.Key, g => g.Count());
        var takenDown = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == id && j.Status == JobStatus.TakenDown)
            .OrderByDescending(j => j.UpdatedAt).Take(50).ToListAsync(ct);
        var reasons = await serviceLog.TakedownReasonsAsync(takenDown.Select(j => j.Id).ToList(), ct);
        TakenDown = takenDown.Select(j => (j, reasons.GetValueOrDefault(j.Id))).ToList();
        var sentBack = await screeningQueue.SentBackForEmployerAsync(id, ct);
        var sentBackIds = sentBack.Select(r => r.JobId).ToList();
        var titles = await db.Jobs.Where(j => sentBackIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
        SentBack = sentBack.Select(r => (r, titles.GetValueOrDefault(r.JobId, r.JobId))).ToList();
        Reviewable = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == id && (j.Status == JobStatus.Draft || j.Status == JobStatus.Open))
            .OrderByDescending(j => j.UpdatedAt).Take(100).ToListAsync(ct);
    }

    /// <summary>The employer asks an operator to review a posting (e.g. to contest a screening flag).</summary>
    public async Task<IActionResult> OnPostRequestReviewAsync(string jobId, string? note, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Company is null) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await screeningQueue.RequestReviewAsync(new Application.Compliance.ComplianceActor(user.Id), Company.Id, jobId, note, screener, ct);
        if (result.Failure == Application.Compliance.ComplianceFailure.NotFound) return NotFound();
        if (result.Succeeded) Message = "已提交人工复核申请。"; else Problem = result.Message;
        return RedirectToPage();
    }
}
