using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Headhunting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>
/// 猎头项目: an agency's projects with their funnel and delivery rate, and the form for a new one; an HR user sees the
/// projects agencies run for their employer (read-only).
/// </summary>
public sealed class IndexModel(UserManager<AppUser> users, AppDbContext db, HeadhuntingService projects) : PageModel
{
    public sealed class ProjectForm
    {
        public string? ClientEmployerId { get; set; }
        public string? Title { get; set; }
        public int TargetHeadcount { get; set; } = 1;
        public string? OccupationCode { get; set; }
        public int? MinGrade { get; set; }
        public string? City { get; set; }
        public int PayMin { get; set; }
        public int PayMax { get; set; }
        public string? Notes { get; set; }
        public string? FeeTerms { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
    }

    [BindProperty] public ProjectForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }
    public bool IsAgency { get; private set; }
    public IReadOnlyList<ProjectView> Projects { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Clients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await ProjectPages.ActorAsync(User, users);
        if (actor is null || !User.IsInRole(Roles.Agency)) return Forbid();
        var f = Form;
        var result = await projects.CreateAsync(actor, new ProjectInput(f.ClientEmployerId ?? "", f.Title ?? "", f.TargetHeadcount, f.OccupationCode, f.MinGrade,
            f.City ?? "", f.PayMin, f.PayMax, f.Notes, f.FeeTerms, f.StartsOn, f.EndsOn), ct);
        if (!result.Succeeded)
        {
            Problem = result.Message;
            await LoadAsync(ct);
            return Page();
        }
        Message = "项目已创建。";
        return Redirect($"/Agency/Projects/{result.Value!.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await ProjectPages.ActorAsync(User, users);
        if (actor is null) return false;
        IsAgency = User.IsInRole(Roles.Agency) && await projects.IsAgencyAsync(actor.EmployerId, ct);
        Projects = await projects.ListAsync(actor.EmployerId!, ct);
        if (IsAgency)
            Clients = (await db.Employers.AsNoTracking().Where(e => !e.IsAgency).OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
                .Select(e => (e.Id, e.Name)).ToList();
        return true;
    }
}
