using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Skills;

namespace Gongjiang.Application.Jobs;

/// <summary>Validates a <see cref="JobLine"/> (jobs.jsonl, the API) and turns it into a <see cref="JobPosting"/>.</summary>
public sealed class JobRecordMapper(TaxonomyCatalog catalog, OccupationResolver occupations, TimeProvider clock)
{
    public Result<JobPosting> Map(JobLine line)
    {
        var errors = new ErrorList();
        var job = Validate(line, errors);
        return errors.IsEmpty ? job : errors;
    }

    private JobPosting Validate(JobLine r, ErrorList m)
    {
        if (!EntityId.IsValid(r.Id)) m.Add(r.Id is null ? Error.Invalid("id", InputErrors.Required) : Error.Invalid("id", InputErrors.InvalidId, r.Id));
        if (string.IsNullOrWhiteSpace(r.EmployerId)) m.Add("employer_id", InputErrors.Required);
        if (string.IsNullOrWhiteSpace(r.Title)) m.Add("title", InputErrors.Required);
        else if (r.Title.Length > 200) m.Add("title", InputErrors.TooLong, 200);
        if (r.OccupationCode is not null && catalog.FindOccupation(r.OccupationCode) is null)
            m.Add("occupation_code", InputErrors.UnknownOccupation, r.OccupationCode);
        if (r.MinGrade is { } g && !SkillGrade.IsValid(g)) m.Add("min_grade", InputErrors.Grade, g);
        EducationLevel? education = null;
        if (r.EducationMin is not null)
        {
            if (EducationLevels.TryParse(r.EducationMin, out var e)) education = e;
            else m.Add("education_min", InputErrors.UnknownEducation, r.EducationMin);
        }
        if (r.ExperienceMinYears is < 0 or > 60) m.Add("experience_min_years", InputErrors.Between, 0, 60);
        if (string.IsNullOrWhiteSpace(r.City)) m.Add("city", InputErrors.Required);
        else if (catalog.FindRegion(r.City) is null) m.Add("city", InputErrors.UnknownCity, r.City);
        if (r.Salary?.Min is not { } min || r.Salary?.Max is not { } max) m.Add("salary", InputErrors.PayRangeRequired);
        else if (min <= 0 || max <= 0) m.Add("salary", InputErrors.PayPositive);
        else if (min > max) m.Add("salary", InputErrors.MinOverMax, min, max);
        if (r.Headcount is < 1 or > 100000) m.Add("headcount", InputErrors.Between, 1, 100000);
        var skills = new List<JobSkill>();
        foreach (var (s, i) in (r.Skills ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s?.Name)) { m.Add($"skills[{i}].name", InputErrors.Required); continue; }
            if (s.Weight is < 0 or > 1) { m.Add($"skills[{i}].weight", InputErrors.Between, 0, 1); continue; }
            skills.Add(new JobSkill { Name = s.Name.Trim(), Weight = s.Weight ?? 1.0 / Math.Max(1, r.Skills!.Count) });
        }
        var posted = ParseDate(r.PostedAt, "posted_at", m) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var expires = ParseDate(r.ExpiresAt, "expires_at", m);
        if (expires is not null && expires < posted) m.Add("expires_at", InputErrors.BeforePosted);
        var status = JobStatus.Open;
        if (r.Status is not null && !Enum.TryParse(r.Status, ignoreCase: true, out status)) m.Add("status", InputErrors.UnknownStatus, r.Status);
        if ((r.Description?.Length ?? 0) > 20000) m.Add("description", InputErrors.TooLong, 20000);
        var benefits = (r.Benefits ?? []).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b.Trim()).ToList();
        if (benefits.Any(b => !BenefitTags.IsKnown(b))) m.Add("benefits", JobErrors.UnknownBenefit);
        if (!m.IsEmpty) return null!;

        string? code = r.OccupationCode;
        double? confidence = null;
        if (code is null && occupations.Resolve(r.Title!) is { } resolved) (code, confidence) = resolved;
        // Each written skill is kept as written and, when recognised, with the standard item of the occupation it stands for.
        var recognizer = SkillRecognizer.For(catalog);
        foreach (var skill in skills)
            skill.StandardItem = recognizer.Best(skill.Name, code, r.MinGrade)?.ItemName;

        return new JobPosting
        {
            Id = r.Id!, EmployerId = r.EmployerId!.Trim(), Title = r.Title!.Trim(), OccupationCode = code, OccupationConfidence = confidence,
            MinGrade = r.MinGrade, Skills = skills, RequiredCertificates = r.RequiredCertificates?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList() ?? [],
            EducationMin = education, ExperienceMinYears = r.ExperienceMinYears, CityCode = r.City!, SalaryMin = r.Salary!.Min!.Value,
            SalaryMax = r.Salary.Max!.Value, Headcount = r.Headcount ?? 1, PostedAt = posted, ExpiresAt = expires,
            Description = r.Description?.Trim() ?? "", Status = status, Benefits = BenefitTags.Ordered(benefits),
        };
    }

    internal static DateOnly? ParseDate(string? value, string field, ErrorList m)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)) return DateOnly.FromDateTime(dt.UtcDateTime);
        m.Add(field, InputErrors.NotDate, value);
        return null;
    }

    /// <summary>A posting as the file contract's record (docs/formats.md jobs.jsonl), for export.</summary>
    public static JobLine ToLine(JobPosting j) => new()
    {
        Id = j.Id, EmployerId = j.EmployerId, Title = j.Title, OccupationCode = j.OccupationCode, MinGrade = j.MinGrade,
        Skills = j.Skills.Select(s => new SkillWeightLine { Name = s.Name, Weight = s.Weight }).ToList(),
        RequiredCertificates = j.RequiredCertificates.Count > 0 ? j.RequiredCertificates : null,
        EducationMin = j.EducationMin is { } e ? EducationLevels.ToFileName(e) : null, ExperienceMinYears = j.ExperienceMinYears,
        City = j.CityCode, Salary = new SalaryLine { Min = j.SalaryMin, Max = j.SalaryMax }, Headcount = j.Headcount,
        PostedAt = j.PostedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ExpiresAt = j.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Description = j.Description,
        Status = j.Status.ToString().ToLowerInvariant(), Benefits = j.Benefits.Count > 0 ? j.Benefits : null,
    };
}
