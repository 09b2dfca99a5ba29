using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Live;

/// <summary>
/// A room's statistics for its host (an operator: any room; another host's answers 404): the totals as figures, viewers per minute as a line, questions,
/// applications and mic links per minute as bars, the minutes as a table, and the CSV/XLSX downloads.
/// </summary>
[Authorize(Roles = Roles.EmployerHR + "," + Roles.Agency + "," + Roles.Operator + "," + Roles.Admin)]
public sealed class StatsModel(IUseCases useCases) : PageModel
{
    public LiveRoomStats Stats { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var stats = await useCases.RunAsync(new GetLiveRoomStats.Query(id), ct);
        if (!stats.Succeeded) return NotFound();
        Stats = stats.Value;
        return Page();
    }
}
