using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>
/// One headhunting project: requirements and terms, the funnel and delivery rate, candidates with their history, and for the
/// agency the moves along the funnel and candidates suggested by the matching engine from the shared pool (masked names).
/// The client's HR reads the same page without the controls.
/// </summary>
public sealed class DetailModel(UserManager<AppUser> users, HeadhuntingService projects, TaxonomyCatalog taxonomy) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public ProjectView View { get; private set; } = null!;
    public bool CanEdit => View.Role == ProjectRole.Agency;
    public Dictionary<string, string> Names { get; private set; } = [];
    public IReadOnlyList<SourcingSuggestion> Suggestions { get; private set; } = [];
    public string? OccupationName => taxonomy.FindOccupation(View.Project.OccupationCode)?.Name;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var actor = await ProjectPages.ActorAsync(User, users);
        var view = await projects.FindAsync(actor?.EmployerId, id, ct);
        if (view is null) return NotFound();
        View = view;
        Names = await projects.MaskedNamesAsync(view.Project, ct);
        if (CanEdit && view.Project.Status == ProjectStatus.Open) Suggestions = await projects.SuggestAsync(actor!, id, 10, ct) ?? [];
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string id, string talentId, CancellationToken ct) =>
        Run(id, "已加入项目。", actor => Wrap(projects.AddCandidateAsync(actor, id, talentId, ct)));

    public Task<IActionResult> OnPostMoveAsync(string id, string candidateId, string to, string? reason, CancellationToken ct) =>
        Run(id, "候选人状态已更新。", actor => CandidateStages.TryParse(to, out var stage)
            ? Wrap(projects.MoveCandidateAsync(actor, id, candidateId, stage, reason, ct))
            : Task.FromResult<(RecruitingFailure, string?)>((RecruitingFailure.Invalid, "未知的阶段。")));

    public Task<IActionResult> OnPostStatusAsync(string id, string status, CancellationToken ct) =>
        Run(id, "项目状态已更新。", actor => ProjectStatuses.TryParse(status, out var s)
            ? Wrap(projects.SetStatusAsync(actor, id, s, ct))
            : Task.FromResult<(RecruitingFailure, string?)>((RecruitingFailure.Invalid, "未知的状态。")));

    private static async Task<(RecruitingFailure, string?)> Wrap<T>(Task<RecruitingResult<T>> task)
    {
        var result = await task;
        return (result.Failure, result.Message);
    }

    private async Task<IActionResult> Run(string id, string done, Func<RecruitingActor, Task<(RecruitingFailure Failure, string? Message)>> command)
    {
        if (!User.IsInRole(Roles.Agency) || await ProjectPages.ActorAsync(User, users) is not { } actor) return NotFound();
        var (failure, message) = await command(actor);
        if (failure == RecruitingFailure.NotFound && await projects.FindAsync(actor.EmployerId, id) is not { Role: ProjectRole.Agency }) return NotFound();
        if (failure == RecruitingFailure.None) Message = done; else Problem = failure == RecruitingFailure.NotFound ? "未找到该人才或候选人。" : message;
        return Redirect($"/Agency/Projects/{id}");
    }
}
