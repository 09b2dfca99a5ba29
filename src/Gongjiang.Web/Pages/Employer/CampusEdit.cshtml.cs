using Gongjiang.Application.Campus;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Jobs;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>
/// Editing a campus campaign (校园招聘): name, notice, majors, schools, graduation year and linked jobs, with the rules of
/// <see cref="UpdateCampaign"/>: a finished campaign (its talks all held) is read-only, and an edit made on a copy someone
/// changed since is refused. Another employer's campaign is not found.
/// </summary>
[Authorize(Roles = Roles.EmployerHR)]
public sealed class CampusEditModel(IUseCases useCases) : PageModel
{
    public sealed class CampaignForm
    {
        public string? Title { get; set; }
        public string? Message { get; set; }
        public string? Majors { get; set; }
        public string? Schools { get; set; }
        public int? GraduationYear { get; set; }
        public List<string> JobIds { get; set; } = [];
        public Guid Version { get; set; }
    }

    [BindProperty] public CampaignForm Form { get; set; } = new();
    public GetCampaign.Campaign View { get; private set; } = null!;
    public CampusCampaign Campaign => View.Detail.Campaign;
    public IReadOnlyList<JobPosting> Jobs => View.Jobs;
    public bool Finished => View.Detail.Finished;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var c = Campaign;
        Form = new CampaignForm
        {
            Title = c.Title, Message = c.Message, Majors = string.Join(", ", c.MajorCodes), Schools = string.Join(", ", c.Schools),
            GraduationYear = c.GraduationYear, JobIds = c.JobIds.ToList(), Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var f = Form;
        var result = await useCases.RunAsync(new UpdateCampaign.Command(id, new CampaignInput(f.Title, f.Message, Split(f.Majors), Split(f.Schools),
            f.GraduationYear, f.JobIds), f.Version), ct);
        if (result.HasError(CampusErrors.CampaignNotFound) || result.FailureKind == ErrorKind.Forbidden) return NotFound();
        if (result.Succeeded)
        {
            TempData["Message"] = "校园招聘活动已保存。";
            return RedirectToPage("/Employer/Campus");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear(); // the form re-renders from Form; the use case's errors replace the binder's
        ModelState.AddResultErrors(result.Errors, "Form");
        Response.StatusCode = result.FailureKind == ErrorKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var campaign = await useCases.RunAsync(new GetCampaign.Query(id, ForEditing: true), ct);
        if (!campaign.Succeeded) return false;
        View = campaign.Value;
        return true;
    }

    private static List<string> Split(string? text) =>
        text?.Split([',', '，', ';', '；', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
}
