using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Skills;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>A posting as a client sends it (the editor's form, the API's request), turned into the file contract's record.</summary>
public interface IPostingInput
{
    /// <summary>
    /// The record, with the errors of fields that are not even numbers; <paramref name="rowOfSkill"/> maps the record's
    /// skills back to the client's rows, so that errors on skills name what the client sent.
    /// </summary>
    /// <param name="existing">The posting being edited (null for a new one): an input that may leave fields out keeps its values for them.</param>
    JobLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfSkill, Func<string, string> resolveOccupation, JobPosting? existing);

    /// <summary>
    /// The poster's decisions on how the skills are read (confirmed items, refused readings); <paramref name="readNow"/>
    /// gives the item a skill is read as now. An input without decisions keeps those on record.
    /// </summary>
    IReadOnlyList<SkillChoice> ChosenSkillItems(JobPosting? existing, ErrorList errors, Func<string, string?> readNow) =>
        existing?.Skills.Select(SkillChoice.Of).OfType<SkillChoice>().ToList() ?? [];
}

/// <summary>One skill row of a posting as typed: a name and a share in percent (empty rows share what is left).</summary>
public sealed class JobSkillRow
{
    public string? Name { get; set; }
    public string? Weight { get; set; }
}

/// <summary>
/// A posting as its employer writes it, field by field as text, so that nothing typed is lost when it does not yet
/// validate. The job editor binds it; the API fills it from its typed request. <see cref="ToLine"/> turns it into the
/// file contract's record, which <see cref="JobRecordMapper"/> validates, the one validation of a posting.
/// </summary>
public sealed class JobForm : IPostingInput
{
    public string? Title { get; set; }
    public string? OccupationCode { get; set; }
    public string? MinGrade { get; set; }
    public List<JobSkillRow> Skills { get; set; } = [];
    /// <summary>The poster's decisions on how the written skills are read, carried between round trips.</summary>
    public List<SkillChoiceRow> SkillChoices { get; set; } = [];
    public string? Certificates { get; set; }
    public string? EducationMin { get; set; }
    public string? ExperienceMinYears { get; set; }
    public string? City { get; set; }
    public string? SalaryMin { get; set; }
    public string? SalaryMax { get; set; }
    public string? Headcount { get; set; }
    public string? ExpiresAt { get; set; }
    public string? Description { get; set; }
    /// <summary>The benefit tags ticked (福利), from <see cref="BenefitTags.All"/>.</summary>
    public List<string> Benefits { get; set; } = [];

    private static readonly char[] ListSeparators = ['\n', '\r', '；', ';', '，', ','];

    public static JobForm New(string? cityCode, DateOnly today) => new()
    {
        City = cityCode, Headcount = "1", MinGrade = "", ExpiresAt = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static JobForm From(JobPosting j) => new()
    {
        Title = j.Title, OccupationCode = j.OccupationConfidence is null ? j.OccupationCode : null, MinGrade = j.MinGrade?.ToString(CultureInfo.InvariantCulture),
        Skills = j.Skills.Select(s => new JobSkillRow { Name = s.Name, Weight = Math.Round(s.Weight * 100, 1).ToString(CultureInfo.InvariantCulture) }).ToList(),
        SkillChoices = j.Skills.Select(SkillChoice.Of).OfType<SkillChoice>().Select(SkillChoiceRow.Of).ToList(),
        Certificates = string.Join(Environment.NewLine, j.RequiredCertificates),
        EducationMin = j.EducationMin is { } e ? EducationLevels.ToFileName(e) : "",
        ExperienceMinYears = j.ExperienceMinYears?.ToString(CultureInfo.InvariantCulture), City = j.CityCode,
        SalaryMin = j.SalaryMin.ToString(CultureInfo.InvariantCulture), SalaryMax = j.SalaryMax.ToString(CultureInfo.InvariantCulture),
        Headcount = j.Headcount.ToString(CultureInfo.InvariantCulture), ExpiresAt = j.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Description = j.Description, Benefits = [.. j.Benefits],
    };

    /// <summary>At least three skill rows and one blank row to type into.</summary>
    public JobForm Padded()
    {
        while (Skills.Count < 3 || !string.IsNullOrWhiteSpace(Skills[^1].Name)) Skills.Add(new JobSkillRow());
        return this;
    }

    public IReadOnlyList<string> CertificateList =>
        (Certificates ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>
    /// The form as the file contract's record, with the errors of fields that are not even numbers. Skill errors name the
    /// form's rows; <paramref name="rowOfSkill"/> maps the record's skills back to them. Weights are percent as typed,
    /// rows left empty share what is left, and the whole is scaled to 1.
    /// </summary>
    /// <summary>The editor posts every field, so the existing posting is not needed.</summary>
    public JobLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfSkill, Func<string, string> resolveOccupation, JobPosting? existing)
    {
        var rows = new List<int>();
        var skills = new List<SkillWeightLine>();
        for (var i = 0; i < Skills.Count; i++)
        {
            var row = Skills[i];
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Weight)) continue;
            double? weight = null;
            if (!string.IsNullOrWhiteSpace(row.Weight))
            {
                if (!double.TryParse(row.Weight.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0 || w > 100)
                    errors.Add($"skills[{i}].weight", InputErrors.Percent);
                else weight = w;
            }
            rows.Add(i);
            skills.Add(new SkillWeightLine { Name = row.Name?.Trim(), Weight = weight });
        }
        var given = skills.Where(s => s.Weight is not null).Sum(s => s.Weight!.Value);
        var blanks = skills.Count(s => s.Weight is null);
        var rest = blanks > 0 ? Math.Max(0, 100 - given) / blanks : 0;
        var sum = given + rest * blanks;
        skills = skills.Select(s => s with { Weight = sum > 0 ? Math.Round((s.Weight ?? rest) / sum, 4) : Math.Round(1.0 / Math.Max(1, skills.Count), 4) }).ToList();
        rowOfSkill = rows;

        int? minGrade = null;
        if (!string.IsNullOrWhiteSpace(MinGrade))
        {
            if (int.TryParse(MinGrade, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g)) minGrade = g;
            else errors.Add("min_grade", InputErrors.GradeChoice);
        }
        double? experience = null;
        if (!string.IsNullOrWhiteSpace(ExperienceMinYears))
        {
            if (double.TryParse(ExperienceMinYears, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) experience = x;
            else errors.Add("experience_min_years", InputErrors.NotNumber);
        }
        var headcount = Integer(Headcount, "headcount", errors);
        return new JobLine
        {
            Title = Title?.Trim(), OccupationCode = string.IsNullOrWhiteSpace(OccupationCode) ? null : resolveOccupation(OccupationCode),
            MinGrade = minGrade, Skills = skills, RequiredCertificates = CertificateList.ToList(),
            EducationMin = string.IsNullOrWhiteSpace(EducationMin) ? null : EducationMin,
            ExperienceMinYears = experience, City = string.IsNullOrWhiteSpace(City) ? null : City,
            Salary = new SalaryLine { Min = Integer(SalaryMin, "salary", errors), Max = Integer(SalaryMax, "salary", errors) },
            Headcount = headcount ?? (string.IsNullOrWhiteSpace(Headcount) ? 1 : null),
            ExpiresAt = string.IsNullOrWhiteSpace(ExpiresAt) ? null : ExpiresAt.Trim(), Description = Description,
            Benefits = Benefits.Count > 0 ? [.. Benefits] : null,
        };
    }

    /// <summary>The editor posts its decisions every time (hidden fields), so those on record are not needed.</summary>
    public IReadOnlyList<SkillChoice> ChosenSkillItems(JobPosting? existing, ErrorList errors, Func<string, string?> readNow) =>
        SkillChoiceRow.Choices(SkillChoices);

    private static int? Integer(string? text, string field, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, InputErrors.NotInteger);
        return null;
    }

    /// <summary>The posting as it would look now, from whatever in the form is readable (the editor's live preview).</summary>
    public JobPosting Sketch(string id, string employerId, string? occupationCode, DateOnly postedAt)
    {
        static int Int(string? s, int fallback) => int.TryParse(s?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
        var named = Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        var weights = named.Select(s => double.TryParse(s.Weight?.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 0).ToList();
        var blanks = weights.Count(w => w == 0);
        var rest = blanks > 0 ? Math.Max(0, 100 - weights.Sum()) / blanks : 0;
        return new JobPosting
        {
            Id = id, EmployerId = employerId, Title = Title?.Trim() ?? "", OccupationCode = occupationCode,
            MinGrade = int.TryParse(MinGrade, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) && Gongjiang.Core.Taxonomy.SkillGrade.IsValid(g) ? g : null,
            Skills = named.Select((s, i) => new JobSkill { Name = s.Name!.Trim(), Weight = weights[i] > 0 ? weights[i] : rest }).ToList(),
            RequiredCertificates = CertificateList.ToList(),
            EducationMin = EducationLevels.TryParse(EducationMin, out var e) ? e : null,
            ExperienceMinYears = double.TryParse(ExperienceMinYears, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null,
            CityCode = City ?? "", SalaryMin = Int(SalaryMin, 0), SalaryMax = Int(SalaryMax, Int(SalaryMin, 0)),
            Headcount = Int(Headcount, 1), PostedAt = postedAt,
            ExpiresAt = DateOnly.TryParse(ExpiresAt, CultureInfo.InvariantCulture, out var d) ? d : null,
            Description = Description ?? "", Status = JobStatus.Open, Benefits = BenefitTags.Ordered(Benefits.Where(BenefitTags.IsKnown)),
        };
    }
}
