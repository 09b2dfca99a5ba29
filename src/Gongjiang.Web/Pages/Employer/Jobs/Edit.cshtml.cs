using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>
/// The job editor (new and edit): every field of a posting, an occupation picker, skills with weights (optionally
/// taken from the national skill standard), and a preview of the posting as seekers will see it.
/// </summary>
public sealed class EditModel(IUseCases useCases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public JobForm Form { get; set; } = new();
    [TempData] public string? Problem { get; set; }

    public ReviewJobDraft.Editor View { get; private set; } = null!;
    public bool ShowFullPreview { get; private set; }
    private string? JobId => string.IsNullOrEmpty(Id) ? null : Id;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ReviewAsync(ReviewJobDraft.Step.Open, null, ct, opening: true);

    /// <param name="pickOccupation">An occupation suggestion pressed.</param>
    /// <param name="chooseSkill">A button of the skill readings pressed ("confirm:CNC编程", "decline:…", "undo:…").</param>
    public Task<IActionResult> OnPostPreviewAsync(string? pickOccupation, string? chooseSkill, CancellationToken ct)
    {
        ShowFullPreview = chooseSkill is null;
        return ReviewAsync(ReviewJobDraft.Step.Preview, pickOccupation, ct, skillChoice: chooseSkill);
    }

    public Task<IActionResult> OnPostAddSkillAsync(CancellationToken ct) => ReviewAsync(ReviewJobDraft.Step.AddSkill, null, ct);

    public Task<IActionResult> OnPostRemoveSkillAsync(int index, CancellationToken ct) =>
        ReviewAsync(ReviewJobDraft.Step.RemoveSkill, index.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);

    public Task<IActionResult> OnPostStandardSkillsAsync(CancellationToken ct) => ReviewAsync(ReviewJobDraft.Step.StandardSkills, null, ct);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(publish: false, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => SaveAsync(publish: true, ct);

    private async Task<IActionResult> SaveAsync(bool publish, CancellationToken ct)
    {
        var saved = await useCases.RunAsync(new SaveJob.Command(JobId, Form, publish), ct);
        if (!saved.Succeeded)
            return saved.FailureKind == ErrorKind.Invalid ? await ReviewAsync(ReviewJobDraft.Step.Open, null, ct, saved.Errors) : Refused(saved.Errors);
        var (job, outcome, refusal, _) = saved.Value;
        switch (outcome)
        {
            case SaveJob.Outcome.PublishRefused or SaveJob.Outcome.BackToDraft: // saved, not out: back to the editor with the reason
                TempData["Problem"] = refusal is null ? "修改后的岗位未通过发布审核，已退回草稿。请按提示修改后重新发布。" : ErrorText.For(refusal);
                return RedirectToPage("/Employer/Jobs/Edit", new { id = job.Id });
            default:
                TempData["Message"] = outcome switch
                {
                    SaveJob.Outcome.Published => "岗位已发布，求职者现在可以搜索到它。", SaveJob.Outcome.Draft => "岗位已保存为草稿。", _ => "岗位修改已保存。",
                };
                return RedirectToPage("/Employer/Jobs/Index");
        }
    }

    private async Task<IActionResult> ReviewAsync(ReviewJobDraft.Step step, string? argument, CancellationToken ct,
        IReadOnlyList<Error>? saveErrors = null, bool opening = false, string? skillChoice = null)
    {
        var editor = await useCases.RunAsync(new ReviewJobDraft.Query(JobId, opening ? null : Form, step, argument, skillChoice), ct);
        if (!editor.Succeeded) return Refused(editor.Errors);
        View = editor.Value;
        Form = View.Form;
        ModelState.Clear(); // the form re-renders from Form, not from the posted values
        ModelState.AddResultErrors(saveErrors ?? View.Errors);
        return Page();
    }

    private IActionResult Refused(IReadOnlyList<Error> errors) =>
        errors[0].Kind == ErrorKind.Forbidden ? RedirectToPage("/Employer/Company") : NotFound();
}
