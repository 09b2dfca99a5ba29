using System.Globalization;
using Gongjiang.Application.Import;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Jobs;

/// <summary>Validates a <see cref="JobLine"/> (jobs.jsonl, the API) and turns it into a <see cref="JobPosting"/>.</summary>
public sealed class JobRecordMapper(TaxonomyCatalog catalog, OccupationResolver occupations, TimeProvider clock)
{
    public Mapped<JobPosting> Map(JobLine line)
    {
        var result = new Mapped<JobPosting>();
        var job = Validate(line, result);
        return result.Errors.Count == 0 ? new Mapped<JobPosting> { Value = job } : result;
    }

    private JobPosting Validate(JobLine r, Mapped<JobPosting> m)
    {
        if (!EntityId.IsValid(r.Id)) m.Add("id", r.Id is null ? "is required" : $"invalid id '{r.Id}'");
        if (string.IsNullOrWhiteSpace(r.EmployerId)) m.Add("employer_id", "is required");
        if (string.IsNullOrWhiteSpace(r.Title)) m.Add("title", "is required");
        else if (r.Title.Length > 200) m.Add("title", "at most 200 characters");
        if (r.OccupationCode is not null && catalog.FindOccupation(r.OccupationCode) is null)
            m.Add("occupation_code", $"unknown occupation code '{r.OccupationCode}'");
        if (r.MinGrade is { } g && !SkillGrade.IsValid(g)) m.Add("min_grade", $"must be 1…5 (5 = 五级/初级工), got {g}");
        EducationLevel? education = null;
        if (r.EducationMin is not null)
        {
            if (EducationLevels.TryParse(r.EducationMin, out var e)) education = e;
            else m.Add("education_min", $"unknown education level '{r.EducationMin}'");
        }
        if (r.ExperienceMinYears is < 0 or > 60) m.Add("experience_min_years", "must be between 0 and 60");
        if (string.IsNullOrWhiteSpace(r.City)) m.Add("city", "is required");
        else if (catalog.FindRegion(r.City) is null) m.Add("city", $"unknown city code '{r.City}'");
        if (r.Salary?.Min is not { } min || r.Salary?.Max is not { } max) m.Add("salary", "min and max are required");
        else if (min <= 0 || max <= 0) m.Add("salary", "must be positive CNY per month");
        else if (min > max) m.Add("salary", $"min {min} is greater than max {max}");
        if (r.Headcount is < 1 or > 100000) m.Add("headcount", "must be between 1 and 100000");
        var skills = new List<JobSkill>();
        foreach (var (s, i) in (r.Skills ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s?.Name)) { m.Add($"skills[{i}].name", "is required"); continue; }
            if (s.Weight is < 0 or > 1) { m.Add($"skills[{i}].weight", "must be between 0 and 1"); continue; }
            skills.Add(new JobSkill { Name = s.Name.Trim(), Weight = s.Weight ?? 1.0 / Math.Max(1, r.Skills!.Count) });
        }
        var posted = ParseDate(r.PostedAt, "posted_at", m) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var expires = ParseDate(r.ExpiresAt, "expires_at", m);
        if (expires is not null && expires < posted) m.Add("expires_at", "is before posted_at");
        var status = JobStatus.Open;
        if (r.Status is not null && !Enum.TryParse(r.Status, ignoreCase: true, out status)) m.Add("status", $"unknown status '{r.Status}'");
        if ((r.Description?.Length ?? 0) > 20000) m.Add("description", "at most 20000 characters");
        if (m.Errors.Count > 0) return null!;

        string? code = r.OccupationCode;
        double? confidence = null;
        if (code is null && occupations.Resolve(r.Title!) is { } resolved) (code, confidence) = resolved;

        return new JobPosting
        {
            Id = r.Id!, EmployerId = r.EmployerId!.Trim(), Title = r.Title!.Trim(), OccupationCode = code, OccupationConfidence = confidence,
            MinGrade = r.MinGrade, Skills = skills, RequiredCertificates = r.RequiredCertificates?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList() ?? [],
            EducationMin = education, ExperienceMinYears = r.ExperienceMinYears, CityCode = r.City!, SalaryMin = r.Salary!.Min!.Value,
            SalaryMax = r.Salary.Max!.Value, Headcount = r.Headcount ?? 1, PostedAt = posted, ExpiresAt = expires,
            Description = r.Description?.Trim() ?? "", Status = status,
        };
    }

    internal static DateOnly? ParseDate(string? value, string field, Mapped<JobPosting> m)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)) return DateOnly.FromDateTime(dt.UtcDateTime);
        m.Add(field, $"'{value}' is not a date (yyyy-MM-dd)");
        return null;
    }
}
