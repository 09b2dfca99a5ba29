using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>The employer's own postings in every state, with publish and close.</summary>
public sealed class IndexModel(UserManager<AppUser> users, AppDbContext db, JobService jobs, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public Core.Employers.Employer? Company { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<JobPosting> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<JobStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Company = await EmployerAccount.CurrentAsync(User, users, db, ct);
        if (Company is null) return;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var today = Today;
        var all = db.Jobs.AsNoTracking().Where(j => j.EmployerId == Company.Id);
        var states = await all.Select(j => new JobPosting { Status = j.Status, ExpiresAt = j.ExpiresAt }).ToListAsync(ct);
        Counts = states.GroupBy(j => Ui.EffectiveStatus(j, today)).ToDictionary(g => g.Key, g => g.Count());

        var query = all;
        if (Enum.TryParse<JobStatus>(Status, true, out var status))
            query = status switch
            {
                JobStatus.Open => query.Where(j => j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today)),
                JobStatus.Expired => query.Where(j => j.Status == JobStatus.Expired || (j.Status == JobStatus.Open && j.ExpiresAt < today)),
                _ => query.Where(j => j.Status == status),
            };
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Where(j => j.Title.Contains(Q.Trim()));
        Total = await query.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        Items = await query.OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        var (company, job) = await OwnJobAsync(id, ct);
        if (company is null || job is null) return NotFound();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (EmployerAccount.WhyCannotPublish(company) is { } why) Problem = why;
        else if (job.Status == JobStatus.TakenDown) Problem = "该岗位已被平台下架，不能自行重新发布。如有异议请联系园区运营人员。";
        else if (job.ExpiresAt is { } e && e < today) Problem = "岗位有效期已过，请先编辑岗位、延长有效期后再发布。";
        else if (job.Status == JobStatus.Open) Message = "岗位已在招聘中。";
        else
        {
            var outcome = await jobs.PublishAsync(job.Id, ct);
            if (outcome.Published) Message = "岗位已发布，求职者现在可以搜索到它。";
            else Problem = outcome.Refusal;
        }
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    public async Task<IActionResult> OnPostCloseAsync(string id, CancellationToken ct)
    {
        var (company, job) = await OwnJobAsync(id, ct);
        if (company is null || job is null) return NotFound();
        if (job.Status == JobStatus.Open)
        {
            await jobs.SetStatusAsync(job.Id, JobStatus.Closed, ct);
            Message = "岗位已关闭，不再对求职者展示。";
        }
        return RedirectToPage(new { status = Status, q = Q, p = PageNumber });
    }

    private async Task<(Core.Employers.Employer?, JobPosting?)> OwnJobAsync(string id, CancellationToken ct)
    {
        var company = await EmployerAccount.CurrentAsync(User, users, db, ct);
        if (company is null) return (null, null);
        // Another employer's posting is answered as not found: its existence is not disclosed.
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.EmployerId == company.Id, ct);
        return (company, job);
    }

    public string Link(int page) => "/Employer/Jobs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["q"] = Q, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    public string StatusLink(JobStatus? status) => "/Employer/Jobs" + (status is null ? "" : "?status=" + status.ToString()!.ToLowerInvariant());
}
