using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Skills;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Talent;

/// <summary>A profile as a client sends it (the résumé form, the API's request), turned into the file contract's record.</summary>
public interface IProfileInput
{
    /// <summary>
    /// The record (its id is set by the caller), with the errors of fields that are not even numbers;
    /// <paramref name="rowOfOccupation"/> maps the record's occupations back to the client's rows, so that errors on
    /// occupations name what the client sent. <paramref name="existing"/> is the profile on record, if any.
    /// </summary>
    TalentLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfOccupation, TalentRecord? existing, TaxonomyCatalog catalog);

    /// <summary>
    /// The seeker's decisions on how the written skills are read (confirmed items, refused readings);
    /// <paramref name="readNow"/> gives the item a skill is read as now. An input without decisions keeps those on record.
    /// </summary>
    IReadOnlyList<SkillChoice> ChosenSkillItems(TalentRecord? existing, ErrorList errors, Func<string, string?> readNow) =>
        existing?.Profile.SkillChoices.Select(SkillChoice.Of).OfType<SkillChoice>().ToList() ?? [];
}

/// <summary>One occupation row of the résumé form: a code or name, a grade (empty when not graded) and whether it is certified.</summary>
public sealed class OccupationRow
{
    public string? Code { get; set; }
    /// <summary>The everyday name typed before a code was picked (电焊工), kept beside the code.</summary>
    public string? TypedName { get; set; }
    /// <summary>The code <see cref="TypedName"/> was typed for: a different code typed since drops the name.</summary>
    public string? TypedFor { get; set; }
    public string? Grade { get; set; }
    public bool Certified { get; set; }
}

/// <summary>
/// A seeker's profile as they write it, field by field as text, so that nothing typed is lost when it does not yet
/// validate. The résumé page binds it; <see cref="ToLine"/> turns it into the file contract's record, which
/// <see cref="TalentRecordMapper"/> validates. Protected attributes (gender, birth year, ID number) are not this form's
/// business: they are kept as they are on record.
/// </summary>
public sealed class ProfileForm : IProfileInput
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? City { get; set; }
    public List<string?> WillingCities { get; set; } = [];
    public List<OccupationRow> Occupations { get; set; } = [];
    public string? Skills { get; set; }
    /// <summary>The seeker's decisions on how their written skills are read, carried between round trips.</summary>
    public List<SkillChoiceRow> SkillChoices { get; set; } = [];
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

    private static readonly char[] ListSeparators = ['\n', '\r', '、', '，', ',', '；', ';'];

    public static ProfileForm From(TalentProfile p, TalentContact? c) => new()
    {
        Name = c?.Name, Phone = c?.Phone, Email = c?.Email, City = p.CityCode, WillingCities = p.WillingCities.Distinct().Cast<string?>().ToList(),
        Occupations = p.Occupations.Select(o => new OccupationRow { Code = o.Code, TypedName = o.TypedName, TypedFor = o.TypedName is null ? null : o.Code, Grade = o.Grade?.ToString(CultureInfo.InvariantCulture), Certified = o.Certified }).ToList(),
        Skills = string.Join("、", p.Skills), SkillChoices = p.SkillChoices.Select(SkillChoice.Of).OfType<SkillChoice>().Select(SkillChoiceRow.Of).ToList(),
        Certificates = string.Join(Environment.NewLine, p.Certificates),
        EducationLevel = p.Education.Level is { } l ? EducationLevels.ToFileName(l) : "", MajorCode = p.Education.MajorCode, School = p.Education.School,
        GraduationYear = p.Education.GraduationYear?.ToString(CultureInfo.InvariantCulture), ExperienceYears = p.ExperienceYears.ToString("0.#", CultureInfo.InvariantCulture),
        SalaryMin = p.ExpectedSalaryMin?.ToString(CultureInfo.InvariantCulture), SalaryMax = p.ExpectedSalaryMax?.ToString(CultureInfo.InvariantCulture),
        DesiredTitles = string.Join("、", p.DesiredTitles), ResumeText = p.ResumeText,
    };

    /// <summary>A blank occupation row and a blank city row to type into.</summary>
    public ProfileForm Padded()
    {
        if (Occupations.Count == 0 || !string.IsNullOrWhiteSpace(Occupations[^1].Code)) Occupations.Add(new OccupationRow());
        if (WillingCities.Count == 0 || !string.IsNullOrWhiteSpace(WillingCities[^1])) WillingCities.Add(null);
        return this;
    }

    /// <summary>
    /// How full the résumé is, in percent: name, a way to reach the seeker, city, an occupation, a grade, skills,
    /// education, desired titles, expected pay and the résumé text.
    /// </summary>
    public int Completeness
    {
        get
        {
            var checks = new[]
            {
                !string.IsNullOrWhiteSpace(Name), !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email),
                !string.IsNullOrWhiteSpace(City), Occupations.Any(o => !string.IsNullOrWhiteSpace(o.Code)),
                Occupations.Any(o => !string.IsNullOrWhiteSpace(o.Grade)), !string.IsNullOrWhiteSpace(Skills),
                !string.IsNullOrWhiteSpace(EducationLevel), !string.IsNullOrWhiteSpace(DesiredTitles),
                !string.IsNullOrWhiteSpace(SalaryMin), !string.IsNullOrWhiteSpace(ResumeText),
            };
            return checks.Count(c => c) * 100 / checks.Length;
        }
    }

    public TalentLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfOccupation, TalentRecord? existing, TaxonomyCatalog catalog)
    {
        var rows = new List<int>();
        var occupations = new List<TalentOccupationLine>();
        for (var i = 0; i < Occupations.Count; i++)
        {
            var row = Occupations[i];
            if (string.IsNullOrWhiteSpace(row.Code)) continue;
            int? grade = int.TryParse(row.Grade, CultureInfo.InvariantCulture, out var g) ? g : null;
            rows.Add(i);
            var code = TypedNames.Occupation(catalog, row.Code);
            // Typed as an everyday name, or picked after typing one: the name stays beside the code.
            var typed = code != row.Code.Trim() ? row.Code.Trim() : row.TypedFor?.Trim() == code ? row.TypedName : null;
            occupations.Add(new TalentOccupationLine { Code = code, TypedName = typed, Grade = grade, Certified = row.Certified && grade is not null });
        }
        rowOfOccupation = rows;
        double? experience = null;
        if (!string.IsNullOrWhiteSpace(ExperienceYears))
        {
            if (double.TryParse(ExperienceYears, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) experience = x;
            else errors.Add("experience_years", TalentErrors.NotYears);
        }
        var email = Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
            errors.Add("email", TalentErrors.NotEmail);

        return new TalentLine
        {
            Name = Name?.Trim(), Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal),
            Email = string.IsNullOrEmpty(email) ? null : email,
            // Kept as they are: protected attributes are not this form's business.
            IdNumber = existing?.Contact.IdNumber, Gender = existing?.Profile.Gender, BirthYear = existing?.Profile.BirthYear,
            City = string.IsNullOrWhiteSpace(City) ? null : City,
            WillingCities = WillingCities.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct().ToList(),
            Education = new EducationLine
            {
                Level = string.IsNullOrWhiteSpace(EducationLevel) ? null : EducationLevel,
                MajorCode = string.IsNullOrWhiteSpace(MajorCode) ? null : TypedNames.Major(catalog, MajorCode),
                School = School, GraduationYear = Integer(GraduationYear, "education.graduation_year", TalentErrors.NotYear, errors),
            },
            Occupations = occupations, Skills = Split(Skills), Certificates = Split(Certificates), ExperienceYears = experience,
            ExpectedSalary = new SalaryLine
            {
                Min = Integer(SalaryMin, "expected_salary", InputErrors.NotInteger, errors), Max = Integer(SalaryMax, "expected_salary", InputErrors.NotInteger, errors),
            },
            DesiredTitles = Split(DesiredTitles), ResumeText = ResumeText,
        };
    }

    /// <summary>The editor posts its decisions every time (hidden fields), so those on record are not needed.</summary>
    public IReadOnlyList<SkillChoice> ChosenSkillItems(TalentRecord? existing, ErrorList errors, Func<string, string?> readNow) =>
        SkillChoiceRow.Choices(SkillChoices);

    /// <summary>The written skills as the form lists them.</summary>
    public IReadOnlyList<string> SkillList => Split(Skills);

    private static int? Integer(string? text, string field, string code, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, code);
        return null;
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
