using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Recruiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>投递邀请: invitations from employers to apply; accepting applies to the job, declining tells the employer.</summary>
public sealed class InvitationsModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public ListMyInvitations.MyInvitations View { get; private set; } = new([], new Dictionary<string, JobTitle>(), default);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await useCases.RunAsync(new ListMyInvitations.Query(), ct);
        if (mine.Succeeded) View = mine.Value;
    }

    public Task<IActionResult> OnPostAcceptAsync(string invitationId, CancellationToken ct) =>
        Run("已接受邀请，申请已提交。", accept: true, invitationId, ct);

    public Task<IActionResult> OnPostDeclineAsync(string invitationId, CancellationToken ct) =>
        Run("已婉拒该邀请。", accept: false, invitationId, ct);

    private async Task<IActionResult> Run(string done, bool accept, string invitationId, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new AnswerInvitation.Command(invitationId, accept), ct);
        if (result.FailureKind is ErrorKind.NotFound or ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded) Message = done; else Problem = ErrorText.For(result.Errors[0]);
        return result.Succeeded && accept ? RedirectToPage("/Seeker/Applications") : RedirectToPage();
    }
}
