using Gongjiang.Application.Import;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Talent;

/// <summary>A profile with its separately kept personal information.</summary>
public sealed record TalentRecord(TalentProfile Profile, TalentContact Contact);

/// <summary>Validates a <see cref="TalentLine"/> (talent.jsonl, the API) into a profile and its contact data.</summary>
public sealed class TalentRecordMapper(TaxonomyCatalog catalog, TimeProvider clock)
{
    public Mapped<TalentRecord> Map(TalentLine r)
    {
        var m = new Mapped<TalentRecord>();
        if (!EntityId.IsValid(r.Id)) m.Add("id", r.Id is null ? "is required" : $"invalid id '{r.Id}'");
        if (string.IsNullOrWhiteSpace(r.Name)) m.Add("name", "is required");
        else if (r.Name.Length > 100) m.Add("name", "at most 100 characters");
        if (r.Phone is not null && !IsPhone(r.Phone)) m.Add("phone", $"'{r.Phone}' is not a mainland mobile number");
        if (r.Gender is not null and not ("male" or "female")) m.Add("gender", "must be male, female or null");
        var year = clock.GetUtcNow().Year;
        if (r.BirthYear is { } by && (by < year - 100 || by > year)) m.Add("birth_year", $"{by} is not a plausible birth year");
        if (string.IsNullOrWhiteSpace(r.City)) m.Add("city", "is required");
        else if (catalog.FindRegion(r.City) is null) m.Add("city", $"unknown city code '{r.City}'");
        foreach (var c in r.WillingCities ?? [])
            if (catalog.FindRegion(c) is null) m.Add("willing_cities", $"unknown city code '{c}'");
        EducationLevel? level = null;
        if (r.Education?.Level is { } lv)
        {
            if (EducationLevels.TryParse(lv, out var parsed)) level = parsed;
            else m.Add("education.level", $"unknown education level '{lv}'");
        }
        if (r.Education?.MajorCode is { Length: > 0 } major && !catalog.MajorsByCode.ContainsKey(major))
            m.Add("education.major_code", $"unknown major code '{major}'");
        if (r.Education?.GraduationYear is { } gy && (gy < 1950 || gy > year + 6)) m.Add("education.graduation_year", $"{gy} is not plausible");
        var occupations = new List<TalentOccupation>();
        foreach (var (o, i) in (r.Occupations ?? []).Select((o, i) => (o, i)))
        {
            if (o?.Code is null || catalog.FindOccupation(o.Code) is null) { m.Add($"occupations[{i}].code", $"unknown occupation code '{o?.Code}'"); continue; }
            if (o.Grade is { } g && !SkillGrade.IsValid(g)) { m.Add($"occupations[{i}].grade", $"must be 1…5 or null, got {g}"); continue; }
            occupations.Add(new TalentOccupation { Code = o.Code, Grade = o.Grade, Certified = o.Certified ?? false });
        }
        if (r.ExperienceYears is < 0 or > 60) m.Add("experience_years", "must be between 0 and 60");
        if (r.ExpectedSalary is { Min: { } min, Max: { } max } && min > max) m.Add("expected_salary", $"min {min} is greater than max {max}");
        if (r.ExpectedSalary?.Min is < 0 || r.ExpectedSalary?.Max is < 0) m.Add("expected_salary", "must not be negative");
        if ((r.ResumeText?.Length ?? 0) > 50000) m.Add("resume_text", "at most 50000 characters");
        if (m.Errors.Count > 0) return m;

        static List<string> Clean(IEnumerable<string?>? items) =>
            items?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct().ToList() ?? [];

        var profile = new TalentProfile
        {
            Id = r.Id!, Gender = r.Gender, BirthYear = r.BirthYear, CityCode = r.City!, WillingCities = Clean(r.WillingCities),
            Education = new TalentEducation { Level = level, MajorCode = NullIfEmpty(r.Education?.MajorCode), School = NullIfEmpty(r.Education?.School), GraduationYear = r.Education?.GraduationYear },
            Occupations = occupations, Skills = Clean(r.Skills), Certificates = Clean(r.Certificates),
            ExperienceYears = r.ExperienceYears ?? 0, ExpectedSalaryMin = r.ExpectedSalary?.Min, ExpectedSalaryMax = r.ExpectedSalary?.Max,
            DesiredTitles = Clean(r.DesiredTitles), ResumeText = r.ResumeText?.Trim() ?? "",
        };
        var contact = new TalentContact { TalentId = profile.Id, Name = r.Name!.Trim(), Phone = NullIfEmpty(r.Phone), Email = NullIfEmpty(r.Email), IdNumber = NullIfEmpty(r.IdNumber) };
        return new Mapped<TalentRecord> { Value = new TalentRecord(profile, contact) };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool IsPhone(string phone) =>
        phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}
