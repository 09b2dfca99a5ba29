using System.Text.Json.Serialization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Skills;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

public static class TalentApi
{
    public static RouteGroupBuilder MapTalentApi(this RouteGroupBuilder v1)
    {
        var talent = v1.MapGroup("/talent").WithTags("Talent");
        talent.MapGet("/me", GetMine).WithName("GetMyProfile").WithSummary("The signed-in seeker's own profile, with contact data")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapPut("/me", SaveMine).WithName("SaveMyProfile")
            .WithSummary("Update the signed-in seeker's profile: fields left out keep their value, an empty list or text empties the field")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapGet("/{id}", GetProfile).WithName("GetTalent")
            .WithSummary("A résumé: operators see it masked; employers when the seeker shares with the zone or applied to them, with contact data only as the seeker consented (applying hands it over). Every view is logged with its source (board, recommendations, search, invitation); with application (opened from the board) the application's stage is included; HR opening an applicant's résumé marks the application viewed")
            .RequireAuthorization();
        return v1;
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetMine(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetMyProfile.Query(), ct)).ToHttp(r => ProfileResponse.Of(r.Profile, r.Contact, includeProtected: true));

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> SaveMine(ProfileRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SaveProfile.Command(body), ct)).ToHttp(r => ProfileResponse.Of(r.Profile, r.Contact, includeProtected: true));

    // Employers see shared profiles (or their applicants); contact data only for the kinds the seeker consented to.
    // Every view by someone other than the owner is logged for the owner to see.
    private static async Task<Results<Ok<ResumeResponse>, ProblemHttpResult>> GetProfile(string id, string? purpose, string? source, string? application,
        IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new OpenResume.Query(id, "api", purpose, Source: source, ApplicationId: application), ct)).ToHttp(ResumeResponse.Of);
}

public sealed record ProfileEducation(
    [property: JsonPropertyName("level")] string? Level,
    [property: JsonPropertyName("major_code")] string? MajorCode,
    [property: JsonPropertyName("school")] string? School,
    [property: JsonPropertyName("graduation_year")] int? GraduationYear);

public sealed record ProfileOccupation(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("grade")] int? Grade,
    [property: JsonPropertyName("certified")] bool? Certified,
    [property: JsonPropertyName("typed_name")] string? TypedName = null);

/// <summary>
/// A seeker's decision on how a written skill is read: <c>confirmed</c> (as <c>standard_item</c>, or as read now when
/// left out), <c>declined</c> (kept as written, with no item) or <c>read</c> (read again on every save).
/// </summary>
public sealed record SkillChoiceEntry(
    [property: JsonPropertyName("skill")] string? Skill,
    [property: JsonPropertyName("item_status")] string? ItemStatus,
    [property: JsonPropertyName("standard_item")] string? StandardItem = null);

/// <summary>
/// A seeker's profile as they send it: the fields of talent.jsonl (the id is theirs, not sent). A partial update: a field
/// left out (or null) keeps its current value; an empty list or empty text empties it.
/// </summary>
public sealed record ProfileRequest : IProfileInput
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("id_number")] public string? IdNumber { get; init; }
    [JsonPropertyName("gender")] public string? Gender { get; init; }
    [JsonPropertyName("birth_year")] public int? BirthYear { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("willing_cities")] public List<string>? WillingCities { get; init; }
    [JsonPropertyName("education")] public ProfileEducation? Education { get; init; }
    [JsonPropertyName("occupations")] public List<ProfileOccupation>? Occupations { get; init; }
    [JsonPropertyName("skills")] public List<string>? Skills { get; init; }
    [JsonPropertyName("certificates")] public List<string>? Certificates { get; init; }
    [JsonPropertyName("experience_years")] public double? ExperienceYears { get; init; }
    [JsonPropertyName("expected_salary")] public SalaryRange? ExpectedSalary { get; init; }
    [JsonPropertyName("desired_titles")] public List<string>? DesiredTitles { get; init; }
    [JsonPropertyName("resume_text")] public string? ResumeText { get; init; }
    /// <summary>Decisions on how written skills are read; left out, those on record are kept.</summary>
    [JsonPropertyName("skill_choices")] public List<SkillChoiceEntry>? SkillChoices { get; init; }

    public IReadOnlyList<SkillChoice> ChosenSkillItems(TalentRecord? existing, ErrorList errors, Func<string, string?> readNow)
    {
        var kept = existing?.Profile.SkillChoices.Select(SkillChoice.Of).OfType<SkillChoice>().ToList() ?? [];
        if (SkillChoices is null) return kept;
        var choices = new List<SkillChoice>();
        for (var i = 0; i < SkillChoices.Count; i++)
        {
            var entry = SkillChoices[i];
            if (string.IsNullOrWhiteSpace(entry?.Skill)) { errors.Add($"skill_choices[{i}].skill", InputErrors.Required); continue; }
            var skill = entry.Skill.Trim();
            switch (entry.ItemStatus)
            {
                case "declined": choices.Add(new SkillChoice(skill, null, true)); break;
                case "confirmed": choices.Add(new SkillChoice(skill, entry.StandardItem?.Trim() ?? readNow(skill) ?? "", false)); break;
                case "read" or null: break;
                default: errors.Add($"skill_choices[{i}].item_status", SkillErrors.UnknownStatus); break;
            }
        }
        return choices;
    }

    public TalentLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfOccupation, TalentRecord? existing, TaxonomyCatalog catalog)
    {
        rowOfOccupation = Enumerable.Range(0, Occupations?.Count ?? 0).ToList();
        // What is not sent keeps the current value (a first profile has none).
        var current = existing is null ? new TalentLine() : TalentService.ToLine(existing.Profile, existing.Contact, includeProtected: true);
        var education = current.Education ?? new EducationLine();
        return new TalentLine
        {
            Name = Name ?? current.Name, Phone = Phone ?? current.Phone, Email = Email ?? current.Email, IdNumber = IdNumber ?? existing?.Contact.IdNumber,
            Gender = Gender ?? current.Gender, BirthYear = BirthYear ?? current.BirthYear, City = City ?? current.City,
            WillingCities = WillingCities ?? current.WillingCities?.ToList(),
            Education = Education is null ? current.Education : new EducationLine
            {
                Level = Education.Level ?? education.Level, MajorCode = Education.MajorCode ?? education.MajorCode,
                School = Education.School ?? education.School, GraduationYear = Education.GraduationYear ?? education.GraduationYear,
            },
            Occupations = Occupations?.Select(o => o is null ? null! : new TalentOccupationLine { Code = o.Code, TypedName = o.TypedName, Grade = o.Grade, Certified = o.Certified }).ToList()
                ?? current.Occupations,
            Skills = Skills ?? current.Skills?.ToList(), Certificates = Certificates ?? current.Certificates?.ToList(),
            ExperienceYears = ExperienceYears ?? current.ExperienceYears,
            ExpectedSalary = ExpectedSalary is null ? current.ExpectedSalary : new SalaryLine { Min = ExpectedSalary.Min, Max = ExpectedSalary.Max },
            DesiredTitles = DesiredTitles ?? current.DesiredTitles?.ToList(), ResumeText = ResumeText ?? current.ResumeText,
        };
    }
}

/// <summary>A profile as the API answers it; contact fields only as far as the reader may see them, gender and birth year only for the owner.</summary>
public record ProfileResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("gender")] string? Gender,
    [property: JsonPropertyName("birth_year")] int? BirthYear,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("willing_cities")] IReadOnlyList<string> WillingCities,
    [property: JsonPropertyName("education")] ProfileEducation Education,
    [property: JsonPropertyName("occupations")] IReadOnlyList<ProfileOccupation> Occupations,
    [property: JsonPropertyName("skills")] IReadOnlyList<string> Skills,
    [property: JsonPropertyName("certificates")] IReadOnlyList<string>? Certificates,
    [property: JsonPropertyName("experience_years")] double ExperienceYears,
    [property: JsonPropertyName("expected_salary")] SalaryRange ExpectedSalary,
    [property: JsonPropertyName("desired_titles")] IReadOnlyList<string> DesiredTitles,
    [property: JsonPropertyName("resume_text")] string ResumeText,
    [property: JsonPropertyName("work_history")] IReadOnlyList<WorkHistoryEntry> WorkHistory,
    [property: JsonPropertyName("skill_choices")] IReadOnlyList<SkillChoiceEntry> SkillChoices)
{
    public static ProfileResponse Of(TalentProfile p, TalentContact? contact, bool includeProtected) => new(
        p.Id, contact?.Name, contact?.Phone, contact?.Email, includeProtected ? p.Gender : null, includeProtected ? p.BirthYear : null,
        p.CityCode, p.WillingCities,
        new ProfileEducation(p.Education.Level is { } l ? EducationLevels.ToFileName(l) : null, p.Education.MajorCode, p.Education.School, p.Education.GraduationYear),
        p.Occupations.Select(o => new ProfileOccupation(o.Code, o.Grade, o.Certified, o.TypedName)).ToList(), p.Skills, p.Certificates.Count > 0 ? p.Certificates : null,
        p.ExperienceYears, new SalaryRange(p.ExpectedSalaryMin, p.ExpectedSalaryMax), p.DesiredTitles, p.ResumeText,
        p.WorkHistory.Select(WorkHistoryEntry.Of).ToList(),
        p.SkillChoices.Select(c => new SkillChoiceEntry(c.Skill, c.Status == SkillItemStatus.Declined ? "declined" : "confirmed", c.Item)).ToList());
}

/// <summary>
/// A résumé as the viewer may see it (the same use case as the résumé page): the profile's fields, which contact kinds
/// are shown in full, why the viewer may see it, the application it was opened from and the attachment résumés.
/// </summary>
public sealed record ResumeResponse : ProfileResponse
{
    private ResumeResponse(ProfileResponse profile) : base(profile) { }

    [JsonPropertyName("revealed")] public IReadOnlyList<string> Revealed { get; init; } = [];
    /// <summary>owner, shared_pool, application, operator or closed_application.</summary>
    [JsonPropertyName("basis")] public string Basis { get; init; } = "";
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("application")] public ResumeApplication? Application { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<AttachmentResponse> Attachments { get; init; } = [];

    public static ResumeResponse Of(OpenResume.Opened o) => new(ProfileResponse.Of(o.Access.Profile, o.Access.Contact, includeProtected: o.ByOwner))
    {
        Revealed = ContactKindNames.ToFileNames(o.Access.Revealed),
        Basis = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(o.Access.Basis.ToString()),
        Source = o.Source,
        Application = o.Application is { } from ? new ResumeApplication(from.Application.Id, from.Application.JobId, from.JobTitle,
            Core.Recruiting.ApplicationStages.ToFileName(from.Application.Stage), from.Application.AppliedAt, from.Application.ViewedAt) : null,
        Attachments = o.AttachmentList.Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt,
            "/api/v1/talent/attachments/" + a.Id)).ToList(),
    };
}

public sealed record ResumeApplication(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("job_title")] string JobTitle,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("applied_at")] DateTime AppliedAt,
    [property: JsonPropertyName("viewed_at")] DateTime? ViewedAt);
