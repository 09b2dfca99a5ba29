using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Catalogue;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>The demand surveys the employer was drawn into: one row a need (occupation, grade, headcount, urgency).</summary>
public sealed class SurveyModel(IUseCases useCases) : PageModel
{
    public sealed class NeedRow
    {
        public string? OccupationCode { get; set; }
        public int? Grade { get; set; }
        public int Headcount { get; set; } = 1;
        public SurveyUrgency Urgency { get; set; }
    }

    public const int Rows = 5;

    [BindProperty] public string SurveyId { get; set; } = "";
    [BindProperty] public List<NeedRow> Needs { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<GetMySurveys.Invitation> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var needs = Needs.Where(n => !string.IsNullOrWhiteSpace(n.OccupationCode))
            .Select(n => new SubmitSurveyNeeds.Need(n.OccupationCode!.Trim(), n.Grade, n.Headcount, n.Urgency)).ToList();
        var saved = await useCases.RunAsync(new SubmitSurveyNeeds.Command(SurveyId, needs), ct);
        if (saved.Succeeded)
        {
            Message = "需求已提交，感谢填报。";
            return RedirectToPage();
        }
        ModelState.AddResultErrors(saved.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = await useCases.RunAsync(new GetMySurveys.Query(), ct);
        if (mine.Succeeded) Invitations = mine.Value;
    }
}
