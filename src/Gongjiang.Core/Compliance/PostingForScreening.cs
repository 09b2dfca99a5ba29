using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Compliance;

/// <summary>
/// What screening looks at in a posting, whatever it came from (the editor, an import file, the API).
/// Null means "not given"; salaries are CNY per month.
/// </summary>
public sealed record PostingForScreening
{
    public string Id { get; init; } = "";
    public string? Title { get; init; }
    /// <summary>工作内容.</summary>
    public string? Description { get; init; }
    /// <summary>招聘条件 as text: free text and/or the structured requirements spelled out.</summary>
    public string? Requirements { get; init; }
    public int? SalaryMin { get; init; }
    public int? SalaryMax { get; init; }
    public int? Headcount { get; init; }
    /// <summary>6-digit administrative division code of the workplace.</summary>
    public string? CityCode { get; init; }
    public string? OccupationCode { get; init; }
    public DateOnly? PostedAt { get; init; }
    public DateOnly? ExpiresAt { get; init; }
    /// <summary>Set when the file gave an expiry date that is not a date, so it is reported rather than treated as absent.</summary>
    public string? UnreadableExpiresAt { get; init; }

    public static PostingForScreening From(JobPosting job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new PostingForScreening
        {
            Id = job.Id,
            Title = job.Title,
            Description = job.Description,
            Requirements = DescribeRequirements(job.Skills.Select(s => s.Name), job.RequiredCertificates, job.EducationMin,
                job.ExperienceMinYears, job.MinGrade),
            SalaryMin = job.SalaryMin > 0 ? job.SalaryMin : null,
            SalaryMax = job.SalaryMax > 0 ? job.SalaryMax : null,
            Headcount = job.Headcount,
            CityCode = job.CityCode,
            OccupationCode = job.OccupationCode,
            PostedAt = job.PostedAt == default ? null : job.PostedAt,
            ExpiresAt = job.ExpiresAt,
        };
    }

    public static PostingForScreening From(JobLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        EducationLevel? education = EducationLevels.TryParse(line.EducationMin, out var level) ? level : null;
        var expires = ParseDate(line.ExpiresAt);
        return new PostingForScreening
        {
            Id = line.Id ?? "",
            Title = line.Title,
            Description = line.Description,
            Requirements = DescribeRequirements(
                line.Skills?.Select(s => s.Name ?? "") ?? [], line.RequiredCertificates ?? [], education, line.ExperienceMinYears, line.MinGrade),
            SalaryMin = line.Salary?.Min,
            SalaryMax = line.Salary?.Max,
            Headcount = line.Headcount,
            CityCode = line.City,
            OccupationCode = line.OccupationCode,
            PostedAt = ParseDate(line.PostedAt),
            ExpiresAt = expires,
            UnreadableExpiresAt = expires is null && !string.IsNullOrWhiteSpace(line.ExpiresAt) ? line.ExpiresAt : null,
        };
    }

    /// <summary>Spells structured requirements out as the seeker would read them, so they are screened like free text.</summary>
    public static string DescribeRequirements(IEnumerable<string> skills, IEnumerable<string> certificates, EducationLevel? education,
        double? experienceYears, int? minGrade)
    {
        var parts = new List<string>();
        if (minGrade is { } grade && SkillGrade.IsValid(grade)) parts.Add($"职业技能等级{SkillGrade.ChineseName(grade)}及以上");
        if (education is { } e) parts.Add($"学历{EducationLevels.ChineseName(e)}及以上");
        if (experienceYears is > 0) parts.Add($"{experienceYears.Value.ToString("0.#", CultureInfo.InvariantCulture)}年以上经验");
        var skillList = skills.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (skillList.Count > 0) parts.Add("技能：" + string.Join("、", skillList));
        var certificateList = certificates.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (certificateList.Count > 0) parts.Add("证书：" + string.Join("、", certificateList));
        return string.Join("；", parts);
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) ? DateOnly.FromDateTime(dt)
        : null;
}
