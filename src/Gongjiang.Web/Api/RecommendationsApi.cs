using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Matching.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Api;

/// <summary>推荐人才 for an employer's job, 为你推荐 for a seeker, and the switch for non-personalized results (PIPL art. 24).</summary>
public static class RecommendationsApi
{
    public const int DefaultTop = 10, MaxTop = 50;

    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("").WithTags("Recommendations");
        group.MapGet("/jobs/{id}/recommended-talent", RecommendedTalent).WithName("GetRecommendedTalent")
            .WithSummary("The best talent for one of the employer's own jobs, with reasons; seekers who share with the zone only, no contact data")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        group.MapGet("/talent/me/recommended-jobs", RecommendedJobs).WithName("GetMyRecommendedJobs")
            .WithSummary("Open jobs for the signed-in seeker, with reasons; newest first without personalization when the seeker turned it off")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        group.MapGet("/me/personalization", GetPersonalization).WithName("GetPersonalization")
            .WithSummary("Whether recommendations use the signed-in user's profile").RequireAuthorization();
        group.MapPut("/me/personalization", SetPersonalization).WithName("SetPersonalization")
            .WithSummary("Turn personalized recommendations on or off (PIPL art. 24: 不针对其个人特征的选项)").RequireAuthorization();
        return v1;
    }

    /// <summary>Why a pair ranks where it does.</summary>
    public sealed record ReasonsView(string Text, string? OccupationCode, string? OccupationName, string? JobOccupationCode, string Proximity,
        int? GradeHeld, int? GradeRequired, IReadOnlyList<string> MatchedSkills, IReadOnlyList<string> MissingSkills, bool SkillsFromStandard,
        string Salary, string? Location, string? JobCity, double ExperienceYears, double? ExperienceRequired);

    /// <summary>A recommended seeker as an employer sees one: a masked name and what matching used, never contact data or protected attributes.</summary>
    public sealed record TalentMatchView(int Rank, float Score, string TalentId, string MaskedName, ReasonsView? Reasons);

    public sealed record TalentMatches(string JobId, bool LearnedRanking, IReadOnlyList<TalentMatchView> Items);

    public sealed record JobSummary(string Id, string Title, string? OccupationCode, string City, int SalaryMin, int SalaryMax, string EmployerId, string? EmployerName);

    public sealed record JobMatchView(int Rank, float Score, JobSummary Job, ReasonsView? Reasons);

    public sealed record JobMatches(bool Personalized, bool LearnedRanking, IReadOnlyList<JobMatchView> Items);

    public sealed record Personalization(bool Enabled);

    internal static ReasonsView? ToView(MatchReasons? r) => r is null ? null : new(r.Text, r.OccupationCode, r.OccupationName, r.JobOccupationCode,
        r.Proximity.ToString(), r.GradeHeld, r.GradeRequired, r.MatchedSkills, r.MissingSkills, r.SkillsFromStandard, r.Salary.ToString(),
        r.OccupationCode is null && r.MatchedSkills.Count == 0 && r.GradeRequired is null ? null : r.Location.ToString(), r.JobCity,
        r.ExperienceYears, r.ExperienceRequired);

    private static ValidationProblem? InvalidTop(int top) => top is < 1 or > MaxTop
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"must be between 1 and {MaxTop}"] }, title: "输入有误 / Invalid input")
        : null;

    private static async Task<Results<Ok<TalentMatches>, ValidationProblem, ProblemHttpResult>> RecommendedTalent(string id, int? top,
        JobService jobs, RecommendationService recommendations, AppDbContext db, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var k = top ?? DefaultTop;
        if (InvalidTop(k) is { } invalid) return invalid;
        var user = await CurrentUser.FromAsync(http.User, users);
        var job = await jobs.FindAsync(id, ct);
        // Another employer's job is answered as not found: its existence is not disclosed.
        if (job is null || user?.EmployerId is null || job.EmployerId != user.EmployerId) return ApiResults.NotFound($"job {id}");
        var list = await recommendations.TalentForJobAsync(id, k, sharedOnly: true, ct);
        var ids = list.Items.Select(r => r.TalentId).ToList();
        var names = await db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
        return TypedResults.Ok(new TalentMatches(id, list.LearnedRanking, list.Items.Select(r => new TalentMatchView(r.Rank, r.Score, r.TalentId,
            TalentService.MaskName(names.GetValueOrDefault(r.TalentId) ?? ""), ToView(r.Reasons))).ToList()));
    }

    private static async Task<Results<Ok<JobMatches>, ValidationProblem, ProblemHttpResult>> RecommendedJobs(int? top,
        RecommendationService recommendations, AppDbContext db, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var k = top ?? DefaultTop;
        if (InvalidTop(k) is { } invalid) return invalid;
        var user = await users.GetUserAsync(http.User);
        if (user?.TalentId is null) return ApiResults.NotFound("profile");
        var list = await recommendations.JobsForSeekerAsync(user.TalentId, k, personalized: !user.NonPersonalizedRecommendations, ct);
        var ids = list.Items.Select(r => r.JobId).ToList();
        var found = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var employerIds = found.Values.Select(j => j.EmployerId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var items = list.Items.Where(r => found.ContainsKey(r.JobId)).Select(r =>
        {
            var j = found[r.JobId];
            return new JobMatchView(r.Rank, r.Score, new JobSummary(j.Id, j.Title, j.OccupationCode, j.CityCode, j.SalaryMin, j.SalaryMax, j.EmployerId,
                employers.GetValueOrDefault(j.EmployerId)), ToView(r.Reasons));
        }).ToList();
        return TypedResults.Ok(new JobMatches(list.Personalized, list.LearnedRanking, items));
    }

    private static async Task<Results<Ok<Personalization>, ProblemHttpResult>> GetPersonalization(RecommendationService recommendations,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var id = users.GetUserId(http.User);
        if (id is null) return ApiResults.NotFound("user");
        return TypedResults.Ok(new Personalization(await recommendations.IsPersonalizedAsync(id, ct)));
    }

    private static async Task<Results<Ok<Personalization>, ProblemHttpResult>> SetPersonalization(Personalization body,
        RecommendationService recommendations, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var id = users.GetUserId(http.User);
        if (id is null || !await recommendations.SetPersonalizedAsync(id, body.Enabled, ct)) return ApiResults.NotFound("user");
        return TypedResults.Ok(new Personalization(body.Enabled));
    }
}
