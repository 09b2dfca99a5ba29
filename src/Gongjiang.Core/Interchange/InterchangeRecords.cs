using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjiang.Core.Interchange;

// The file contract of docs/formats.md (talent.jsonl, jobs.jsonl), one record per line, exactly as written there.
// These records only carry data across the boundary; Gongjiang.Application validates and maps them.

public sealed record JobLine
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("employer_id")] public string? EmployerId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("occupation_code")] public string? OccupationCode { get; init; }
    [JsonPropertyName("min_grade")] public int? MinGrade { get; init; }
    [JsonPropertyName("skills")] public List<SkillWeightLine>? Skills { get; init; }
    [JsonPropertyName("required_certificates")] public List<string>? RequiredCertificates { get; init; }
    [JsonPropertyName("education_min")] public string? EducationMin { get; init; }
    [JsonPropertyName("experience_min_years")] public double? ExperienceMinYears { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("salary")] public SalaryLine? Salary { get; init; }
    [JsonPropertyName("headcount")] public int? Headcount { get; init; }
    [JsonPropertyName("posted_at")] public string? PostedAt { get; init; }
    [JsonPropertyName("expires_at")] public string? ExpiresAt { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("benefits")] public List<string>? Benefits { get; init; }
}

public sealed record SkillWeightLine
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("weight")] public double? Weight { get; init; }
}

public sealed record SalaryLine
{
    [JsonPropertyName("min")] public int? Min { get; init; }
    [JsonPropertyName("max")] public int? Max { get; init; }
}

public sealed record TalentLine
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("id_number")] public string? IdNumber { get; init; }
    [JsonPropertyName("gender")] public string? Gender { get; init; }
    [JsonPropertyName("birth_year")] public int? BirthYear { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("willing_cities")] public List<string>? WillingCities { get; init; }
    [JsonPropertyName("education")] public EducationLine? Education { get; init; }
    [JsonPropertyName("occupations")] public List<TalentOccupationLine>? Occupations { get; init; }
    [JsonPropertyName("skills")] public List<string>? Skills { get; init; }
    [JsonPropertyName("certificates")] public List<string>? Certificates { get; init; }
    [JsonPropertyName("experience_years")] public double? ExperienceYears { get; init; }
    [JsonPropertyName("expected_salary")] public SalaryLine? ExpectedSalary { get; init; }
    [JsonPropertyName("desired_titles")] public List<string>? DesiredTitles { get; init; }
    [JsonPropertyName("resume_text")] public string? ResumeText { get; init; }
    [JsonPropertyName("registered_at")] public string? RegisteredAt { get; init; }
    [JsonPropertyName("last_active_at")] public string? LastActiveAt { get; init; }
}

public sealed record EducationLine
{
    [JsonPropertyName("level")] public string? Level { get; init; }
    [JsonPropertyName("major_code")] public string? MajorCode { get; init; }
    [JsonPropertyName("school")] public string? School { get; init; }
    [JsonPropertyName("graduation_year")] public int? GraduationYear { get; init; }
}

public sealed record TalentOccupationLine
{
    [JsonPropertyName("code")] public string? Code { get; init; }
    /// <summary>The everyday name the seeker typed for the occupation (电焊工), kept beside the code; optional.</summary>
    [JsonPropertyName("typed_name")] public string? TypedName { get; init; }
    [JsonPropertyName("grade")] public int? Grade { get; init; }
    [JsonPropertyName("certified")] public bool? Certified { get; init; }
}

public static class InterchangeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads one JSON line; returns null and a reason when the line is not a JSON object of that shape.</summary>
    public static T? ParseLine<T>(string line, out string? error) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(line, Options);
            error = value is null ? "empty JSON value" : null;
            return value;
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + (e.Message.Split('.', 2)[0]);
            return null;
        }
    }
}
