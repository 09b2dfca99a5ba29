using Gongjiang.Application.Taxonomy;
using Gongjiang.Application.Common.Results;
using System.Globalization;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Seeker;

/// <summary>
/// The seeker's own profile (人才档案) and contact data, and the switch that shares the résumé with the zone's employers.
/// Protected attributes (gender, birth year, ID number) are kept as they are and never asked for here.
/// </summary>
public sealed class ProfileModel(UserManager<AppUser> users, TalentService talent, TaxonomyCatalog catalog, TimeProvider clock) : PageModel
{
    public sealed class OccupationRow
    {
        public string? Code { get; set; }
        public string? Grade { get; set; }
        public bool Certified { get; set; }
    }

    public sealed class ProfileForm
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? City { get; set; }
        public List<string?> WillingCities { get; set; } = [];
        public List<OccupationRow> Occupations { get; set; } = [];
        public string? Skills { get; set; }
        public string? Certificates { get; set; }
        public string? EducationLevel { get; set; }
        public string? MajorCode { get; set; }
        public string? School { get; set; }
        public string? GraduationYear { get; set; }
        public string? ExperienceYears { get; set; }
        public string? SalaryMin { get; set; }
        public string? SalaryMax { get; set; }
        public string? DesiredTitles { get; set; }
        public string? ResumeText { get; set; }
    }

    [BindProperty] public ProfileForm Form { get; set; } = new();
    public TalentProfile? Profile { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    [TempData] public string? Message { get; set; }
    public string? Notice { get; private set; }

    public Major? ChosenMajor => Form.MajorCode is { Length: > 0 } m && catalog.MajorsByCode.TryGetValue(TypedNames.Major(catalog, m), out var major) ? major : null;
    public Occupation? OccupationOf(OccupationRow row) => string.IsNullOrWhiteSpace(row.Code) ? null : catalog.FindOccupation(TypedNames.Occupation(catalog, row.Code));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TalentId is { } id)
        {
            Profile = await talent.FindAsync(id, ct);
            var contact = await talent.FindContactAsync(id, ct);
            if (Profile is not null) Form = FromProfile(Profile, contact);
        }
        if (Profile is null) Form.Name = user.DisplayName;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var id = user.TalentId ?? EntityId.New('T', clock);
        var existing = user.TalentId is null ? null : await talent.FindAsync(id, ct);
        var existingContact = user.TalentId is null ? null : await talent.FindContactAsync(id, ct);
        Profile = existing;

        var (line, rowIndex) = ToLine(existing, existingContact);
        if (Errors.Count == 0)
        {
            var result = await talent.SaveAsync(id, line, ct);
            if (result.Succeeded)
            {
                if (user.TalentId is null)
                {
                    user.TalentId = id;
                    await users.UpdateAsync(user);
                }
                Message = "简历已保存。";
                return RedirectToPage();
            }
            foreach (var error in result.Errors) Add(MapKey(error.Field ?? "", rowIndex), ErrorText.For(error));
        }
        return Done();
    }

    public async Task<IActionResult> OnPostSharingAsync(bool share, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.TalentId is not { } id || await talent.FindAsync(id, ct) is null)
        {
            Message = "请先保存简历，再设置共享。";
            return RedirectToPage();
        }
        await talent.SetSharingAsync(id, share, ct);
        Message = share ? "已向园区企业共享简历。企业可以在人才库中看到您的简历（联系方式经您同意后才会展示）。" : "已停止共享简历。企业将不能在人才库中看到您。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddOccupationAsync(CancellationToken ct)
    {
        await LoadProfileAsync(ct);
        Form.Occupations.Add(new OccupationRow());
        return Done(pad: false);
    }

    public async Task<IActionResult> OnPostRemoveOccupationAsync(int index, CancellationToken ct)
    {
        await LoadProfileAsync(ct);
        if (index >= 0 && index < Form.Occupations.Count) Form.Occupations.RemoveAt(index);
        return Done();
    }

    public async Task<IActionResult> OnPostAddCityAsync(CancellationToken ct)
    {
        await LoadProfileAsync(ct);
        Form.WillingCities.Add(null);
        return Done(pad: false);
    }

    public async Task<IActionResult> OnPostRemoveCityAsync(int index, CancellationToken ct)
    {
        await LoadProfileAsync(ct);
        if (index >= 0 && index < Form.WillingCities.Count) Form.WillingCities.RemoveAt(index);
        return Done();
    }

    private async Task LoadProfileAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.TalentId is { } id) Profile = await talent.FindAsync(id, ct);
    }

    private IActionResult Done(bool pad = true)
    {
        if (pad) Pad();
        ModelState.Clear();
        return Page();
    }

    private void Pad()
    {
        if (Form.Occupations.Count == 0 || !string.IsNullOrWhiteSpace(Form.Occupations[^1].Code)) Form.Occupations.Add(new OccupationRow());
        if (Form.WillingCities.Count == 0 || !string.IsNullOrWhiteSpace(Form.WillingCities[^1])) Form.WillingCities.Add(null);
    }

    private static ProfileForm FromProfile(TalentProfile p, TalentContact? c) => new()
    {
        Name = c?.Name, Phone = c?.Phone, Email = c?.Email, City = p.CityCode, WillingCities = p.WillingCities.Distinct().Cast<string?>().ToList(),
        Occupations = p.Occupations.Select(o => new OccupationRow { Code = o.Code, Grade = o.Grade?.ToString(CultureInfo.InvariantCulture), Certified = o.Certified }).ToList(),
        Skills = string.Join("、", p.Skills), Certificates = string.Join(Environment.NewLine, p.Certificates),
        EducationLevel = p.Education.Level is { } l ? EducationLevels.ToFileName(l) : "", MajorCode = p.Education.MajorCode, School = p.Education.School,
        GraduationYear = p.Education.GraduationYear?.ToString(CultureInfo.InvariantCulture), ExperienceYears = p.ExperienceYears.ToString("0.#", CultureInfo.InvariantCulture),
        SalaryMin = p.ExpectedSalaryMin?.ToString(CultureInfo.InvariantCulture), SalaryMax = p.ExpectedSalaryMax?.ToString(CultureInfo.InvariantCulture),
        DesiredTitles = string.Join("、", p.DesiredTitles), ResumeText = p.ResumeText,
    };

    private (TalentLine Line, List<int> RowIndex) ToLine(TalentProfile? existing, TalentContact? contact)
    {
        var rowIndex = new List<int>();
        var occupations = new List<TalentOccupationLine>();
        for (var i = 0; i < Form.Occupations.Count; i++)
        {
            var row = Form.Occupations[i];
            if (string.IsNullOrWhiteSpace(row.Code)) continue;
            int? grade = int.TryParse(row.Grade, out var g) ? g : null;
            rowIndex.Add(i);
            occupations.Add(new TalentOccupationLine { Code = TypedNames.Occupation(catalog, row.Code), Grade = grade, Certified = row.Certified && grade is not null });
        }
        int? Int(string? text, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
            Add(field, message);
            return null;
        }
        double? experience = null;
        if (!string.IsNullOrWhiteSpace(Form.ExperienceYears))
        {
            if (double.TryParse(Form.ExperienceYears, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) experience = x;
            else Add("experience_years", "请输入年数，如 2 或 0.5");
        }
        var email = Form.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
            Add("email", "请输入有效的电子邮箱");

        var line = new TalentLine
        {
            Name = Form.Name?.Trim(), Phone = string.IsNullOrWhiteSpace(Form.Phone) ? null : Form.Phone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal),
            Email = string.IsNullOrEmpty(email) ? null : email,
            // Kept as they are: protected attributes are not this form's business.
            IdNumber = contact?.IdNumber, Gender = existing?.Gender, BirthYear = existing?.BirthYear,
            City = string.IsNullOrWhiteSpace(Form.City) ? null : Form.City,
            WillingCities = Form.WillingCities.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct().ToList(),
            Education = new EducationLine
            {
                Level = string.IsNullOrWhiteSpace(Form.EducationLevel) ? null : Form.EducationLevel,
                MajorCode = string.IsNullOrWhiteSpace(Form.MajorCode) ? null : TypedNames.Major(catalog, Form.MajorCode),
                School = Form.School, GraduationYear = Int(Form.GraduationYear, "education.graduation_year", "请输入四位年份"),
            },
            Occupations = occupations, Skills = Split(Form.Skills), Certificates = Split(Form.Certificates),
            ExperienceYears = experience,
            ExpectedSalary = new SalaryLine { Min = Int(Form.SalaryMin, "expected_salary", "请输入整数"), Max = Int(Form.SalaryMax, "expected_salary", "请输入整数") },
            DesiredTitles = Split(Form.DesiredTitles), ResumeText = Form.ResumeText,
        };
        return (line, rowIndex);
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(['\n', '\r', '、', '，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>Errors about submitted occupation rows point back at the row the seeker typed them in.</summary>
    private static string MapKey(string key, List<int> rowIndex)
    {
        if (key.StartsWith("occupations[", StringComparison.Ordinal) && key.IndexOf(']') is var close and > 12
            && int.TryParse(key[12..close], out var k) && k < rowIndex.Count)
            return $"occupations[{rowIndex[k]}]{key[(close + 1)..]}";
        return key;
    }

    private void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? (existing.Contains(message) ? existing : [.. existing, message]) : [message];
}
