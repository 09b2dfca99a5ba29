using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Seekers;
using Gongjiang.Application.Talent;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>
/// The seeker's own profile (人才档案) and contact data, and the switch that shares the résumé with the zone's employers.
/// Protected attributes (gender, birth year, ID number) are kept as they are and never asked for here.
/// </summary>
[RequestSizeLimit(ResumeFiles.MaxBytes + 256 * 1024)] // an attachment résumé of up to 5 MB
public sealed class ProfileModel(IUseCases useCases) : PageModel
{
    [BindProperty] public ProfileForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    /// <summary>The work history rows being edited (a form of its own below the profile).</summary>
    [BindProperty] public List<WorkExperienceRow> Work { get; set; } = [];

    public ReviewProfile.Editor View { get; private set; } = null!;
    public IReadOnlyList<Core.Talent.ResumeAttachment> Attachments { get; private set; } = [];
    public int ErrorCount => ModelState.Count(e => e.Value?.Errors.Count > 0);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ReviewAsync(ReviewProfile.Step.Open, ct, opening: true);

    /// <param name="chooseSkill">A button of the skill readings pressed without script ("confirm:CNC编程", "decline:…", "undo:…"): the form comes back with the decision, to be saved.</param>
    public async Task<IActionResult> OnPostAsync(string? chooseSkill, CancellationToken ct)
    {
        if (chooseSkill is not null)
        {
            Message = "技能识别已更新，保存后生效。";
            return await ReviewAsync(ReviewProfile.Step.ChooseSkill, ct, skillChoice: chooseSkill);
        }
        var saved = await useCases.RunAsync(new SaveProfile.Command(Form), ct);
        if (!saved.Succeeded) return await ReviewAsync(ReviewProfile.Step.Open, ct, errors: saved.Errors);
        Message = "简历已保存。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSharingAsync(bool share, CancellationToken ct)
    {
        var result = await useCases.RunAsync(new SetProfileSharing.Command(share), ct);
        if (!result.Succeeded) Problem = ErrorText.For(result.Errors[0]);
        else Message = share ? "已向园区企业共享简历。企业可以在人才库中看到您的简历（联系方式经您同意后才会展示）。" : "已停止共享简历。企业将不能在人才库中看到您。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostAddOccupationAsync(CancellationToken ct) => ReviewAsync(ReviewProfile.Step.AddOccupation, ct);

    public Task<IActionResult> OnPostRemoveOccupationAsync(int index, CancellationToken ct) => ReviewAsync(ReviewProfile.Step.RemoveOccupation, ct, index);

    public Task<IActionResult> OnPostAddCityAsync(CancellationToken ct) => ReviewAsync(ReviewProfile.Step.AddCity, ct);

    public Task<IActionResult> OnPostRemoveCityAsync(int index, CancellationToken ct) => ReviewAsync(ReviewProfile.Step.RemoveCity, ct, index);

    public async Task<IActionResult> OnPostWorkHistoryAsync(CancellationToken ct)
    {
        var saved = await useCases.RunAsync(new SaveWorkHistory.Command(Work.Cast<WorkExperienceRow?>().ToList()), ct);
        if (saved.Succeeded) { Message = "工作经历已保存。"; return RedirectToPage(null, null, "work-history"); }
        var rows = Work;
        var page = await ReviewAsync(ReviewProfile.Step.Open, ct, opening: true);
        Work = rows;
        ModelState.AddResultErrors(saved.Errors);
        return page;
    }

    public async Task<IActionResult> OnPostAddWorkAsync(CancellationToken ct)
    {
        var rows = Work;
        var page = await ReviewAsync(ReviewProfile.Step.Open, ct, opening: true);
        Work = [.. rows, new WorkExperienceRow()];
        return page;
    }

    public async Task<IActionResult> OnPostRemoveWorkAsync(int index, CancellationToken ct)
    {
        var rows = Work;
        if (index >= 0 && index < rows.Count) rows.RemoveAt(index);
        var page = await ReviewAsync(ReviewProfile.Step.Open, ct, opening: true);
        Work = rows;
        return page;
    }

    public async Task<IActionResult> OnPostUploadAttachmentAsync(IFormFile? attachment, CancellationToken ct)
    {
        await using var stream = attachment?.OpenReadStream();
        var uploaded = await useCases.RunAsync(new UploadResumeAttachment.Command(stream, attachment?.FileName), ct);
        if (uploaded.Succeeded) Message = "附件简历已上传。";
        else Problem = ErrorText.For(uploaded.Errors[0]);
        return RedirectToPage(null, null, "attachments");
    }

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(string id, CancellationToken ct)
    {
        var deleted = await useCases.RunAsync(new DeleteResumeAttachment.Command(id), ct);
        if (deleted.Succeeded) Message = "附件简历已删除。";
        else Problem = ErrorText.For(deleted.Errors[0]);
        return RedirectToPage(null, null, "attachments");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(string id, CancellationToken ct)
    {
        var file = await useCases.RunAsync(new GetResumeAttachmentFile.Query(id), ct);
        if (file.Succeeded) return File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
        Problem = ErrorText.For(file.Errors[0]); // deleted meanwhile, or not the seeker's: back to the list, saying so
        return RedirectToPage(null, null, "attachments");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var pdf = await useCases.RunAsync(new DownloadResumePdf.Query(), ct);
        if (pdf.Succeeded) return File(pdf.Value.Content, "application/pdf", pdf.Value.FileName);
        Problem = ErrorText.For(pdf.Errors[0]);
        return RedirectToPage();
    }

    private async Task<IActionResult> ReviewAsync(ReviewProfile.Step step, CancellationToken ct, int row = -1, bool opening = false,
        IReadOnlyList<Error>? errors = null, string? skillChoice = null)
    {
        var editor = await useCases.RunAsync(new ReviewProfile.Query(opening ? null : Form, step, row, skillChoice), ct);
        if (!editor.Succeeded) return Challenge();
        View = editor.Value;
        Form = View.Form;
        Work = [.. (View.Profile?.WorkHistory ?? []).Select(WorkExperienceRow.From)];
        if (Work.Count == 0) Work.Add(new WorkExperienceRow());
        if (View.Profile is not null)
        {
            var attachments = await useCases.RunAsync(new ListResumeAttachments.Query(), ct);
            if (attachments.Succeeded) Attachments = attachments.Value;
        }
        ModelState.Clear(); // the form re-renders from Form, not from the posted values
        ModelState.AddResultErrors(errors ?? [], "Form");
        return Page();
    }
}
