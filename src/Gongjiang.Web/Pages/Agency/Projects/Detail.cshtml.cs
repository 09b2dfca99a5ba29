using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Core.Headhunting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>
/// One headhunting project: requirements and terms, the funnel and delivery rate, candidates with their history, and for the
/// agency the moves along the funnel and candidates suggested by the matching engine from the shared pool (masked names).
/// The client's HR reads the same page without the controls.
/// </summary>
public sealed class DetailModel(IUseCases useCases) : PageModel
{
    public const int SuggestionCount = 10;

    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }
    public ProjectDetail Detail { get; private set; } = null!;
    public ProjectView View => Detail.View;
    public bool CanEdit => View.Role == ProjectRole.Agency && View.Project.ClientDecision == ClientDecision.Accepted;
    public bool CanDecide => View.Role == ProjectRole.Client && View.Project.ClientDecision == ClientDecision.Awaiting;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var detail = await useCases.RunAsync(new GetProject.Query(id, SuggestionCount), ct);
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value;
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string id, string? talentId, CancellationToken ct) =>
        RunAsync(id, "已加入项目。", new AddCandidate.Command(id, talentId), ct);

    public Task<IActionResult> OnPostMoveAsync(string id, string candidateId, string? to, string? reason, CancellationToken ct) =>
        RunAsync(id, "候选人状态已更新。", new MoveCandidate.Command(id, candidateId, to, reason), ct);

    public Task<IActionResult> OnPostStatusAsync(string id, string? status, CancellationToken ct) =>
        RunAsync(id, "项目状态已更新。", new SetProjectStatus.Command(id, status), ct);

    public Task<IActionResult> OnPostAcceptAsync(string id, CancellationToken ct) =>
        RunAsync(id, "已接受项目，服务机构可以开始寻访。", new DecideProject.Command(id, Accept: true), ct);

    public Task<IActionResult> OnPostDeclineAsync(string id, string? reason, CancellationToken ct) =>
        RunAsync(id, "已拒绝项目。", new DecideProject.Command(id, Accept: false, reason), ct);

    /// <summary>Runs the agency's change or the client's decision; a project that is not the user's agency's is not found (the client reads only).</summary>
    private async Task<IActionResult> RunAsync<T>(string id, string done, IUseCase<T> command, CancellationToken ct)
    {
        var result = await useCases.RunAsync(command, ct);
        if (result.HasError(HeadhuntingErrors.ProjectNotFound)) return NotFound();
        if (result.Succeeded) Message = done;
        else Problem = ErrorText.For(result.Errors[0]);
        return Redirect($"/Agency/Projects/{id}");
    }
}
