using Gongjiang.Application.Chat;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Chat;

/// <summary>沟通: the signed-in seeker's or employer's conversations with unread counts; starting one from a job (立即沟通).</summary>
[Authorize(Roles = Roles.Seeker + "," + Roles.EmployerHR + "," + Roles.Agency)]
public sealed class IndexModel(IUseCases useCases) : PageModel
{
    [TempData] public string? Problem { get; set; }

    public IReadOnlyList<ConversationSummary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await useCases.RunAsync(new ListConversations.Query(), ct);
        if (list.Succeeded) Items = list.Value;
    }

    /// <summary>Opens (or returns to) the conversation about a job; HR names the seeker too.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? jobId, string? talentId, CancellationToken ct)
    {
        var started = await useCases.RunAsync(new StartConversation.Command(jobId, talentId), ct);
        if (started.Succeeded) return RedirectToPage("/Chat/Conversation", new { id = started.Value.Id });
        if (started.FailureKind == ErrorKind.NotFound) return NotFound();
        Problem = ErrorText.For(started.Errors[0]);
        return RedirectToPage();
    }
}
