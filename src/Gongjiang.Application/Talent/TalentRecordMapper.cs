using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Talent;

/// <summary>
/// A profile with its separately kept personal information. <paramref name="RegisteredGiven"/> and
/// <paramref name="LastActiveGiven"/> say whether the record stated those days (an update keeps the stored ones otherwise).
/// </summary>
public sealed record TalentRecord(TalentProfile Profile, TalentContact Contact, bool RegisteredGiven = false, bool LastActiveGiven = false);

/// <summary>Validates a <see cref="TalentLine"/> (talent.jsonl, the API) into a profile and its contact data.</summary>
public sealed class TalentRecordMapper(TaxonomyCatalog catalog, TimeProvider clock)
{
    public Result<TalentRecord> Map(TalentLine r)
    {
        var m = new ErrorList();
        if (!EntityId.IsValid(r.Id)) m.Add(r.Id is null ? Error.Invalid("id", InputErrors.Required) : Error.Invalid("id", InputErrors.InvalidId, r.Id));
        if (string.IsNullOrWhiteSpace(r.Name)) m.Add("name", InputErrors.Required);
        else if (r.Name.Length > 100) m.Add("name", InputErrors.TooLong, 100);
        if (r.Phone is not null && !IsPhone(r.Phone)) m.Add("phone", InputErrors.NotPhone, r.Phone);
        if (r.Gender is not null and not ("male" or "female")) m.Add("gender", InputErrors.Gender);
        var year = clock.GetUtcNow().Year;
        if (r.BirthYear is { } by && (by < year - 100 || by > year)) m.Add("birth_year", InputErrors.ImplausibleBirthYear, by);
        if (string.IsNullOrWhiteSpace(r.City)) m.Add("city", InputErrors.Required);
        else if (catalog.FindRegion(r.City) is null) m.Add("city", InputErrors.UnknownCity, r.City);
        foreach (var c in r.WillingCities ?? [])
            if (catalog.FindRegion(c) is null) m.Add("willing_cities", InputErrors.UnknownCity, c);
        EducationLevel? level = null;
        if (r.Education?.Level is { } lv)
        {
            if (EducationLevels.TryParse(lv, out var parsed)) level = parsed;
            else m.Add("education.level", InputErrors.UnknownEducation, lv);
        }
        if (r.Education?.MajorCode is { Length: > 0 } major && !catalog.MajorsByCode.ContainsKey(major))
            m.Add("education.major_code", InputErrors.UnknownMajor, major);
        if (r.Education?.GraduationYear is { } gy && (gy < 1950 || gy > year + 6)) m.Add("education.graduation_year", InputErrors.ImplausibleYear, gy);
        var occupations = new List<TalentOccupation>();
        foreach (var (o, i) in (r.Occupations ?? []).Select((o, i) => (o, i)))
        {
            // An everyday name read surely (电焊工) stands for its standard code, as in every screen (Taxonomy/OccupationNames).
            var code = o?.Code is null ? null : Taxonomy.TypedNames.Occupation(catalog, o.Code);
            if (code is null || catalog.FindOccupation(code) is null) { m.Add($"occupations[{i}].code", InputErrors.UnknownOccupation, o?.Code); continue; }
            if (o!.Grade is { } g && !SkillGrade.IsValid(g)) { m.Add($"occupations[{i}].grade", InputErrors.GradeOrNone, g); continue; }
            occupations.Add(new TalentOccupation { Code = code, TypedName = TypedName(o, code), Grade = o.Grade, Certified = o.Certified ?? false });
        }
        if (r.ExperienceYears is < 0 or > 60) m.Add("experience_years", InputErrors.Between, 0, 60);
        if (r.ExpectedSalary is { Min: { } min, Max: { } max } && min > max) m.Add("expected_salary", InputErrors.MinOverMax, min, max);
        if (r.ExpectedSalary?.Min is < 0 || r.ExpectedSalary?.Max is < 0) m.Add("expected_salary", InputErrors.NotNegative);
        if ((r.ResumeText?.Length ?? 0) > 50000) m.Add("resume_text", InputErrors.TooLong, 50000);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8)); // China day
        var registered = JobRecordMapper.ParseDate(r.RegisteredAt, "registered_at", m);
        var lastActive = JobRecordMapper.ParseDate(r.LastActiveAt, "last_active_at", m);
        if (registered is { } from && lastActive is { } to && to < from) m.Add("last_active_at", InputErrors.BeforeRegistered, r.LastActiveAt, r.RegisteredAt);
        if (!m.IsEmpty) return m;

        static List<string> Clean(IEnumerable<string?>? items) =>
            items?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct().ToList() ?? [];

        var profile = new TalentProfile
        {
            Id = r.Id!, Gender = r.Gender, BirthYear = r.BirthYear, CityCode = r.City!, WillingCities = Clean(r.WillingCities),
            Education = new TalentEducation { Level = level, MajorCode = NullIfEmpty(r.Education?.MajorCode), School = NullIfEmpty(r.Education?.School), GraduationYear = r.Education?.GraduationYear },
            Occupations = occupations, Skills = Clean(r.Skills), Certificates = Clean(r.Certificates),
            ExperienceYears = r.ExperienceYears ?? 0, ExpectedSalaryMin = r.ExpectedSalary?.Min, ExpectedSalaryMax = r.ExpectedSalary?.Max,
            DesiredTitles = Clean(r.DesiredTitles), ResumeText = r.ResumeText?.Trim() ?? "",
            RegisteredAt = registered ?? today, LastActiveAt = lastActive ?? registered ?? today,
        };
        profile.SkillItems = Skills.SkillReadings.ItemsOf(catalog, profile);
        var contact = new TalentContact { TalentId = profile.Id, Name = r.Name!.Trim(), Phone = NullIfEmpty(r.Phone), Email = NullIfEmpty(r.Email), IdNumber = NullIfEmpty(r.IdNumber) };
        return new TalentRecord(profile, contact, registered is not null, lastActive is not null);
    }

    /// <summary>The longest everyday occupation name kept beside a code.</summary>
    public const int MaxTypedNameLength = 30;

    /// <summary>
    /// The everyday name the seeker typed for the occupation: the one sent beside the code, or the text sent as the code
    /// that was read as it (电焊工 → 6-18-02-04); none when it is the occupation's own name or the code.
    /// </summary>
    private string? TypedName(TalentOccupationLine line, string code)
    {
        var typed = !string.IsNullOrWhiteSpace(line.TypedName) ? line.TypedName.Trim() : line.Code!.Trim() != code ? line.Code.Trim() : null;
        if (typed is null || typed == code || typed.Length > MaxTypedNameLength) return null;
        var occupation = catalog.FindOccupation(code);
        return occupation is not null && (typed == occupation.PlainName || typed == occupation.Name) ? null : typed;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool IsPhone(string phone) =>
        phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}
