using System.Globalization;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Employer.Jobs;

/// <summary>
/// The job editor (new and edit): every field of a posting, an occupation picker, skills with weights (optionally
/// taken from the national skill standard), and a preview of the posting as seekers will see it.
/// </summary>
public sealed class EditModel(UserManager<AppUser> users, AppDbContext db, JobService jobs, JobRecordMapper mapper,
    TaxonomyCatalog catalog, PostingScreener screener, TimeProvider clock) : PageModel
{
    public sealed class SkillRow
    {
        public string? Name { get; set; }
        /// <summary>Percent, 0–100; empty rows share what is left equally.</summary>
        public string? Weight { get; set; }
    }

    /// <summary>The form as typed: text until it validates, so nothing a user typed is lost on an error.</summary>
    public sealed class JobForm
    {
        public string? Title { get; set; }
        public string? OccupationCode { get; set; }
        public string? MinGrade { get; set; }
        public List<SkillRow> Skills { get; set; } = [];
        public string? Certificates { get; set; }
        public string? EducationMin { get; set; }
        public string? ExperienceMinYears { get; set; }
        public string? City { get; set; }
        public string? SalaryMin { get; set; }
        public string? SalaryMax { get; set; }
        public string? Headcount { get; set; }
        public string? ExpiresAt { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public JobForm Form { get; set; } = new();

    public Core.Employers.Employer? Company { get; private set; }
    public JobPosting? Existing { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    public JobPosting? Preview { get; private set; }
    public bool ShowFullPreview { get; private set; }
    public IReadOnlyList<Occupation> Suggestions { get; private set; } = [];
    public string? Notice { get; private set; }
    [TempData] public string? Problem { get; set; }
    /// <summary>Posting screening (发布前审核) of the posting as it stands in the form.</summary>
    public ScreeningResult? Screening { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public bool IsNew => Existing is null;
    public string? WhyCannotPublish => Company is null ? null : EmployerAccount.WhyCannotPublish(Company);
    public Occupation? ChosenOccupation => string.IsNullOrWhiteSpace(Form.OccupationCode) ? null : catalog.FindOccupation(Ui.ResolveOccupation(catalog, Form.OccupationCode));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        Form = Existing is null ? NewForm() : FromJob(Existing);
        PadSkills();
        Preview = BuildPreview();
        if (Existing is not null) Screening = screener.Screen(Preview);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? pickOccupation, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        if (!string.IsNullOrEmpty(pickOccupation)) Form.OccupationCode = pickOccupation;
        var (line, rowIndex) = ToLine();
        Validate(line, rowIndex);
        ShowFullPreview = true;
        return Done();
    }

    public async Task<IActionResult> OnPostAddSkillAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        Form.Skills.Add(new SkillRow());
        return Done(pad: false);
    }

    public async Task<IActionResult> OnPostRemoveSkillAsync(int index, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        if (index >= 0 && index < Form.Skills.Count) Form.Skills.RemoveAt(index);
        return Done();
    }

    /// <summary>Fills the skill rows from the national skill standard of the chosen occupation at the required grade.</summary>
    public async Task<IActionResult> OnPostStandardSkillsAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        var code = Form.OccupationCode?.Trim() ?? "";
        var grade = int.TryParse(Form.MinGrade, out var g) && SkillGrade.IsValid(g) ? g : (int?)null;
        var items = catalog.SkillItemsByOccupation.TryGetValue(code, out var all) ? all.Where(i => i.Grade is not null).ToArray() : [];
        if (items.Length == 0)
        {
            Notice = "所选职业暂未收录国家职业技能标准，请手动填写技能要求。";
            return Done();
        }
        var useGrade = grade is { } wanted && items.Any(i => i.Grade == wanted) ? wanted : items.Max(i => i.Grade!.Value);
        var chosen = items.Where(i => i.Grade == useGrade).DistinctBy(i => i.Name).ToList();
        var total = chosen.Sum(i => i.WeightPercent ?? 0);
        Form.Skills = chosen.Select(i => new SkillRow
        {
            Name = i.Name,
            Weight = total > 0 ? Math.Round((i.WeightPercent ?? 0) * 100 / total).ToString(CultureInfo.InvariantCulture) : null,
        }).ToList();
        Notice = grade == useGrade ? "已按国家职业技能标准填入该等级的技能项和比重，可再调整。" : "已按国家职业技能标准填入技能项（该标准没有所选等级，已使用最接近的等级），可再调整。";
        return Done();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(publish: false, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => SaveAsync(publish: true, ct);

    private async Task<IActionResult> SaveAsync(bool publish, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        var (line, rowIndex) = ToLine();
        if (publish && line.ExpiresAt is { } e && DateOnly.TryParse(e, CultureInfo.InvariantCulture, out var until) && until < Today)
            Add("expires_at", "发布前请把有效期延长到今天以后");
        if (!Validate(line, rowIndex)) return Done();
        if (publish && WhyCannotPublish is { } why)
        {
            Notice = why;
            return Done();
        }

        JobPosting saved;
        if (Existing is null)
        {
            var created = await jobs.CreateAsync(Company!.Id, line with { Status = null }, ct);
            if (created.Value is null) { Merge(created.Errors, rowIndex); return Done(); }
            saved = created.Value;
        }
        else
        {
            var updated = await jobs.UpdateAsync(Existing, line with { Status = null }, ct);
            if (updated.Value is null) { Merge(updated.Errors, rowIndex); return Done(); }
            saved = updated.Value;
        }
        if (publish && saved.Status != JobStatus.TakenDown)
        {
            var outcome = await jobs.PublishAsync(saved.Id, ct);
            if (!outcome.Published)
            {
                // Saved, not published: back to the editor with the reason and the screening flags beside the fields.
                TempData["Problem"] = outcome.Refusal;
                return RedirectToPage("/Employer/Jobs/Edit", new { id = saved.Id });
            }
            TempData["Message"] = "岗位已发布，求职者现在可以搜索到它。";
        }
        else if (Existing?.Status == JobStatus.Open && saved.Status == JobStatus.Draft)
        {
            TempData["Problem"] = "修改后的岗位未通过发布审核，已退回草稿。请按提示修改后重新发布。";
            return RedirectToPage("/Employer/Jobs/Edit", new { id = saved.Id });
        }
        else
        {
            TempData["Message"] = saved.Status == JobStatus.Draft ? "岗位已保存为草稿。" : "岗位修改已保存。";
        }
        return RedirectToPage("/Employer/Jobs/Index");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Company = await EmployerAccount.CurrentAsync(User, users, db, ct);
        if (Company is null) return RedirectToPage("/Employer/Company");
        if (string.IsNullOrEmpty(Id)) return null;
        var companyId = Company.Id;
        Existing = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == Id && j.EmployerId == companyId, ct);
        return Existing is null ? NotFound() : null;
    }

    private IActionResult Done(bool pad = true)
    {
        if (pad) PadSkills();
        Preview = BuildPreview();
        if (!string.IsNullOrWhiteSpace(Form.Title)) Screening = screener.Screen(Preview);
        if (ChosenOccupation is null && !string.IsNullOrWhiteSpace(Form.Title))
            Suggestions = OccupationSearch.Find(catalog, Form.Title.Trim(), 6).Where(o => o.Level == 4).ToList() is { Count: > 0 } found
                ? found
                : SuggestFromWords(Form.Title.Trim());
        ModelState.Clear(); // the form re-renders from Form, not from the posted values
        return Page();
    }

    /// <summary>When the whole title matches nothing, try its tail (数控车工 ← 高级数控车工, 焊工 ← 储罐焊工).</summary>
    private IReadOnlyList<Occupation> SuggestFromWords(string title)
    {
        for (var start = 1; start < title.Length - 1; start++)
        {
            var found = OccupationSearch.Find(catalog, title[start..], 6).Where(o => o.Level == 4).ToList();
            if (found.Count > 0) return found;
        }
        return [];
    }

    private JobForm NewForm() => new()
    {
        City = Company?.CityCode, Headcount = "1", MinGrade = "", ExpiresAt = Ui.Date(Today.AddDays(60)),
    };

    private static JobForm FromJob(JobPosting j) => new()
    {
        Title = j.Title, OccupationCode = j.OccupationCode, MinGrade = j.MinGrade?.ToString(CultureInfo.InvariantCulture),
        Skills = j.Skills.Select(s => new SkillRow { Name = s.Name, Weight = Math.Round(s.Weight * 100, 1).ToString(CultureInfo.InvariantCulture) }).ToList(),
        Certificates = string.Join(Environment.NewLine, j.RequiredCertificates),
        EducationMin = j.EducationMin is { } e ? EducationLevels.ToFileName(e) : "",
        ExperienceMinYears = j.ExperienceMinYears?.ToString(CultureInfo.InvariantCulture), City = j.CityCode,
        SalaryMin = j.SalaryMin.ToString(CultureInfo.InvariantCulture), SalaryMax = j.SalaryMax.ToString(CultureInfo.InvariantCulture),
        Headcount = j.Headcount.ToString(CultureInfo.InvariantCulture), ExpiresAt = Ui.Date(j.ExpiresAt), Description = j.Description,
    };

    /// <summary>Always at least three skill rows and one blank row to type into.</summary>
    private void PadSkills()
    {
        while (Form.Skills.Count < 3 || !string.IsNullOrWhiteSpace(Form.Skills[^1].Name)) Form.Skills.Add(new SkillRow());
    }

    /// <summary>The form as the application's job record; blank skill rows are dropped (rowIndex maps back to form rows).</summary>
    private (JobLine Line, List<int> RowIndex) ToLine()
    {
        var rowIndex = new List<int>();
        var skills = new List<SkillWeightLine>();
        for (var i = 0; i < Form.Skills.Count; i++)
        {
            var row = Form.Skills[i];
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Weight)) continue;
            double? weight = null;
            if (!string.IsNullOrWhiteSpace(row.Weight))
            {
                if (!double.TryParse(row.Weight.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0 || w > 100)
                    Add($"skills[{i}].weight", "请输入 0 到 100 之间的比重（%）");
                else weight = w;
            }
            rowIndex.Add(i);
            skills.Add(new SkillWeightLine { Name = row.Name?.Trim(), Weight = weight });
        }
        // Percent as typed; rows left empty share what is left, and the whole is scaled to 1.
        var given = skills.Where(s => s.Weight is not null).Sum(s => s.Weight!.Value);
        var blanks = skills.Count(s => s.Weight is null);
        var rest = blanks > 0 ? Math.Max(0, 100 - given) / blanks : 0;
        var sum = given + rest * blanks;
        skills = skills.Select(s => s with { Weight = sum > 0 ? Math.Round((s.Weight ?? rest) / sum, 4) : Math.Round(1.0 / Math.Max(1, skills.Count), 4) }).ToList();

        int? minGrade = null;
        if (!string.IsNullOrWhiteSpace(Form.MinGrade))
        {
            if (int.TryParse(Form.MinGrade, out var g)) minGrade = g; else Add("min_grade", "请选择技能等级");
        }
        double? experience = null;
        if (!string.IsNullOrWhiteSpace(Form.ExperienceMinYears))
        {
            if (double.TryParse(Form.ExperienceMinYears, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) experience = x;
            else Add("experience_min_years", "请输入年数，如 2 或 0.5");
        }
        int? salaryMin = ParseInt(Form.SalaryMin, "salary"), salaryMax = ParseInt(Form.SalaryMax, "salary");
        int? headcount = ParseInt(Form.Headcount, "headcount");
        var certificates = (Form.Certificates ?? "").Split(['\n', '\r', '；', ';', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

        var line = new JobLine
        {
            Title = Form.Title?.Trim(), OccupationCode = string.IsNullOrWhiteSpace(Form.OccupationCode) ? null : Ui.ResolveOccupation(catalog, Form.OccupationCode),
            MinGrade = minGrade, Skills = skills, RequiredCertificates = certificates,
            EducationMin = string.IsNullOrWhiteSpace(Form.EducationMin) ? null : Form.EducationMin,
            ExperienceMinYears = experience, City = string.IsNullOrWhiteSpace(Form.City) ? null : Form.City,
            Salary = new SalaryLine { Min = salaryMin, Max = salaryMax }, Headcount = headcount ?? (string.IsNullOrWhiteSpace(Form.Headcount) ? 1 : null),
            ExpiresAt = string.IsNullOrWhiteSpace(Form.ExpiresAt) ? null : Form.ExpiresAt.Trim(), Description = Form.Description,
        };
        return (line, rowIndex);
    }

    private int? ParseInt(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        Add(field, "请输入整数");
        return null;
    }

    /// <summary>Checks the record the way saving will (the shared mapper), plus what only this screen knows.</summary>
    private bool Validate(JobLine line, List<int> rowIndex)
    {
        var checkedLine = line with { Id = Existing?.Id ?? "J-PREVIEW", EmployerId = Company!.Id, PostedAt = Ui.Date(Existing?.PostedAt ?? Today) };
        Merge(mapper.Map(checkedLine).Errors, rowIndex);
        if (line.ExpiresAt is { } e && DateOnly.TryParse(e, CultureInfo.InvariantCulture, out var expires) && expires < Today && (Existing is null || Existing.ExpiresAt != expires))
            Add("expires_at", "有效期不能早于今天");
        return Errors.Count == 0;
    }

    private void Merge(Dictionary<string, string[]> errors, List<int> rowIndex)
    {
        foreach (var (key, messages) in errors)
        {
            var field = key;
            if (key.StartsWith("skills[", StringComparison.Ordinal) && key.IndexOf(']') is var close and > 7
                && int.TryParse(key[7..close], out var k) && k < rowIndex.Count)
                field = $"skills[{rowIndex[k]}]{key[(close + 1)..]}";
            foreach (var m in messages) Add(field, m);
        }
    }

    private void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? (existing.Contains(message) ? existing : [.. existing, message]) : [message];

    /// <summary>The posting as it would look now, from whatever in the form is readable.</summary>
    private JobPosting BuildPreview()
    {
        static int Int(string? s, int fallback) => int.TryParse(s?.Replace(",", "", StringComparison.Ordinal), out var v) ? v : fallback;
        var skills = Form.Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        var weights = skills.Select(s => double.TryParse(s.Weight?.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 0).ToList();
        var given = weights.Sum();
        var blanks = weights.Count(w => w == 0);
        var rest = blanks > 0 ? Math.Max(0, 100 - given) / blanks : 0;
        return new JobPosting
        {
            Id = Existing?.Id ?? "", EmployerId = Company?.Id ?? "", Title = Form.Title?.Trim() ?? "",
            OccupationCode = ChosenOccupation?.Code, MinGrade = int.TryParse(Form.MinGrade, out var g) && SkillGrade.IsValid(g) ? g : null,
            Skills = skills.Select((s, i) => new JobSkill { Name = s.Name!.Trim(), Weight = weights[i] > 0 ? weights[i] : rest }).ToList(),
            RequiredCertificates = (Form.Certificates ?? "").Split(['\n', '\r', '；', ';', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            EducationMin = EducationLevels.TryParse(Form.EducationMin, out var e) ? e : null,
            ExperienceMinYears = double.TryParse(Form.ExperienceMinYears, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null,
            CityCode = Form.City ?? "", SalaryMin = Int(Form.SalaryMin, 0), SalaryMax = Int(Form.SalaryMax, Int(Form.SalaryMin, 0)),
            Headcount = Int(Form.Headcount, 1), PostedAt = Existing?.PostedAt ?? Today,
            ExpiresAt = DateOnly.TryParse(Form.ExpiresAt, CultureInfo.InvariantCulture, out var d) ? d : null,
            Description = Form.Description ?? "", Status = JobStatus.Open,
        };
    }
}
