using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Skills;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongjiang.Web.Api;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder v1)
    {
        var jobs = v1.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("Search open jobs: words as people type them, filters, sorted by relevance, newest or pay, paged")
            .RequireRateLimiting(RateLimits.Search);
        jobs.MapGet("/{id}", GetJob).WithName("GetJob").WithSummary("One job");
        jobs.MapPost("/", CreateJob).WithName("CreateJob").WithSummary("Create a job as the signed-in employer; it is a draft until published")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        jobs.MapPost("/{id}/publish", PublishJob).WithName("PublishJob")
            .WithSummary("Publish a draft: the employer must be verified and the posting must pass screening (发布前审核)")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        jobs.MapPut("/{id}", UpdateJob).WithName("UpdateJob").WithSummary("Edit one of the employer's own jobs: fields left out keep their value, an empty list empties the field")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        return v1;
    }

    private static async Task<Results<Ok<JobPage>, ProblemHttpResult>> ListJobs(IUseCases useCases,
        [Description("Words as people type them, combined with AND: a city (青岛), an occupation by code, name, alias or everyday title (电焊工), a benefit (包吃住), years of experience (3年) or free text; at most 500 characters")] string? q,
        [Description("A region code (370200 is all of Qingdao)")] string? city,
        [Description("An occupation: code (6-18-02-04 or a group 6-18), name, alias or everyday title")] string? occupation,
        [Description("Pay wanted (CNY/month): postings whose maximum reaches it")] string? payMin,
        [Description("Postings whose pay starts at or below this (CNY/month)")] string? payMax,
        [Description("The seeker's education (junior_high … doctorate): postings asking no more")] string? education,
        [Description("The seeker's years of experience (0–60): postings asking no more")] string? experience,
        [Description("The seeker's skill grade 1–5: postings asking this grade or a lower one")] string? grade,
        [Description("Benefit tags, comma-separated: 五险一金, 包吃住, 包住, 包吃, 双休, 长白班, 年终奖, 13薪, 加班费, 交通补贴, 住房补贴, 餐补, 节日福利, 带薪年假, 定期体检, 技能补贴; an unknown tag is 400 naming the field")] string? benefits,
        [FromQuery(Name = "benefits_match"), Description("all (default): postings offering every tag; any: offering one of them")] string? benefitsMatch,
        [Description("Posted in the last 1, 3, 7 or 30 days (China time)")] string? posted,
        [Description("relevance (default with q), newest (default without) or pay")] string? sort,
        [Range(1, Paging.MaxPage), Description("Page number, 1–10000 (default 1); outside it 400 naming the field")] int? page, [Range(1, Paging.MaxPageSize), Description("Items per page, 1–100 (default 20); outside it 400 naming the field")] int? pageSize, CancellationToken ct) =>
        (await useCases.RunAsync(new SearchJobs.Query(q, city, occupation, payMin, payMax, education, experience, grade, benefits, posted, sort,
                Page: page ?? 1, PageSize: pageSize ?? Paging.DefaultPageSize, BenefitsMatch: benefitsMatch), ct))
            .ToHttp(p => new JobPage(p.Result.Items.Select(JobResponse.Of).ToList(), p.Result.Page, p.Result.PageSize, p.Result.Total));

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJob(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetJob.Query(id), ct)).ToHttp(JobResponse.Of);

    private static async Task<Results<Created<JobResponse>, ProblemHttpResult>> CreateJob(JobRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SaveJob.Command(null, body, Publish: false), ct))
            .ToCreated(s => $"/api/v1/jobs/{s.Job.Id}", s => JobResponse.Of(s.Job));

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> PublishJob(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new PublishJob.Command(id), ct)).ToHttp(p => JobResponse.Of(p.Job));

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> UpdateJob(string id, JobRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SaveJob.Command(id, body, Publish: false), ct)).ToHttp(s => JobResponse.Of(s.Job));
}

public sealed record JobPage(IReadOnlyList<JobResponse> Items, int Page, int PageSize, int Total);

/// <summary>
/// A skill of a posting with its weight; <c>standard_item</c> is the standard skill item it is read as and
/// <c>item_status</c> says whether that is the platform's reading (<c>read</c>), one the employer <c>confirmed</c> or a
/// reading the employer <c>declined</c> (the skill is kept as written, with no item). Sent without <c>item_status</c>, a
/// skill keeps the decision on record for its name.
/// </summary>
public sealed record SkillWeight(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("weight")] double? Weight,
    [property: JsonPropertyName("standard_item")] string? StandardItem = null,
    [property: JsonPropertyName("item_status")] string? ItemStatus = null)
{
    public static SkillWeight Of(JobSkill s) => new(s.Name, s.Weight, s.StandardItem, s.ItemStatus.ToString().ToLowerInvariant());
}

public sealed record SalaryRange([property: JsonPropertyName("min")] int? Min, [property: JsonPropertyName("max")] int? Max);

/// <summary>A posting as an employer sends it: the fields of jobs.jsonl that the employer writes (weights are shares of 1).</summary>
public sealed record JobRequest : IPostingInput
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("occupation_code")] public string? OccupationCode { get; init; }
    [JsonPropertyName("min_grade")] public int? MinGrade { get; init; }
    [JsonPropertyName("skills")] public List<SkillWeight>? Skills { get; init; }
    [JsonPropertyName("required_certificates")] public List<string>? RequiredCertificates { get; init; }
    [JsonPropertyName("education_min")] public string? EducationMin { get; init; }
    [JsonPropertyName("experience_min_years")] public double? ExperienceMinYears { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("salary")] public SalaryRange? Salary { get; init; }
    [JsonPropertyName("headcount")] public int? Headcount { get; init; }
    [JsonPropertyName("expires_at")] public string? ExpiresAt { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    /// <summary>Benefit tags from the fixed list (五险一金, 包吃住, 双休 …).</summary>
    [JsonPropertyName("benefits")] public List<string>? Benefits { get; init; }

    /// <summary>The decisions sent on how skills are read; a skill sent without one keeps the decision on record for its name.</summary>
    public IReadOnlyList<SkillChoice> ChosenSkillItems(JobPosting? existing, ErrorList errors, Func<string, string?> readNow)
    {
        var kept = existing?.Skills.Select(SkillChoice.Of).OfType<SkillChoice>().ToDictionary(c => c.Skill, StringComparer.Ordinal) ?? [];
        if (Skills is null) return [.. kept.Values];
        var choices = new List<SkillChoice>();
        for (var i = 0; i < Skills.Count; i++)
        {
            if (Skills[i]?.Name?.Trim() is not { Length: > 0 } name) continue;
            switch (Skills[i].ItemStatus)
            {
                case null: if (kept.TryGetValue(name, out var on)) choices.Add(on); break;
                case "declined": choices.Add(new SkillChoice(name, null, true)); break;
                case "confirmed": choices.Add(new SkillChoice(name, Skills[i].StandardItem?.Trim() ?? readNow(name) ?? "", false)); break;
                case "read": break;
                default: errors.Add($"skills[{i}].item_status", SkillErrors.UnknownStatus); break;
            }
        }
        return choices;
    }

    /// <summary>What is not sent keeps the posting's current value (PUT on an existing posting); a new posting has none.</summary>
    public JobLine ToLine(ErrorList errors, out IReadOnlyList<int> rowOfSkill, Func<string, string> resolveOccupation, JobPosting? existing)
    {
        rowOfSkill = Enumerable.Range(0, Skills?.Count ?? 0).ToList();
        var current = existing is null ? new JobLine() : JobRecordMapper.ToLine(existing);
        return new JobLine
        {
            Title = Title ?? current.Title,
            // A code read from the title stays a suggestion: only a code the client sends confirms the occupation.
            OccupationCode = OccupationCode is null ? (existing?.OccupationConfidence is null ? current.OccupationCode : null) : string.IsNullOrWhiteSpace(OccupationCode) ? null : resolveOccupation(OccupationCode),
            MinGrade = MinGrade ?? current.MinGrade,
            Skills = Skills?.Select(s => new SkillWeightLine { Name = s.Name, Weight = s.Weight }).ToList() ?? current.Skills,
            RequiredCertificates = RequiredCertificates ?? current.RequiredCertificates, EducationMin = EducationMin ?? current.EducationMin,
            ExperienceMinYears = ExperienceMinYears ?? current.ExperienceMinYears, City = City ?? current.City,
            Salary = Salary is null ? current.Salary : new SalaryLine { Min = Salary.Min, Max = Salary.Max }, Headcount = Headcount ?? current.Headcount,
            ExpiresAt = ExpiresAt ?? current.ExpiresAt, Description = Description ?? current.Description,
            Benefits = Benefits ?? current.Benefits,
        };
    }
}

/// <summary>A posting as the API answers it, with its id, employer, dates and status.</summary>
public sealed record JobResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("employer_id")] string EmployerId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("occupation_code")] string? OccupationCode,
    [property: JsonPropertyName("min_grade")] int? MinGrade,
    [property: JsonPropertyName("skills")] IReadOnlyList<SkillWeight> Skills,
    [property: JsonPropertyName("required_certificates")] IReadOnlyList<string>? RequiredCertificates,
    [property: JsonPropertyName("education_min")] string? EducationMin,
    [property: JsonPropertyName("experience_min_years")] double? ExperienceMinYears,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("salary")] SalaryRange Salary,
    [property: JsonPropertyName("headcount")] int Headcount,
    [property: JsonPropertyName("posted_at")] string PostedAt,
    [property: JsonPropertyName("expires_at")] string? ExpiresAt,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("occupation_confidence"), Description("Confidence of an occupation code read from the title, which publishing refuses until the client sends a code; null when the client chose the code")]
    double? OccupationConfidence,
    [property: JsonPropertyName("benefits")] IReadOnlyList<string> Benefits)
{
    public static JobResponse Of(JobPosting j) => new(j.Id, j.EmployerId, j.Title, j.OccupationCode, j.MinGrade,
        j.Skills.Select(SkillWeight.Of).ToList(), j.RequiredCertificates.Count > 0 ? j.RequiredCertificates : null,
        j.EducationMin is { } e ? EducationLevels.ToFileName(e) : null, j.ExperienceMinYears, j.CityCode, new SalaryRange(j.SalaryMin, j.SalaryMax),
        j.Headcount, j.PostedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), j.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        j.Description, j.Status.ToString().ToLowerInvariant(), j.OccupationConfidence, j.Benefits);
}
