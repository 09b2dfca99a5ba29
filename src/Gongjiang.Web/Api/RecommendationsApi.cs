using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Matching;
using Gongjiang.Matching.Engine;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>推荐人才 for an employer's job, 为你推荐 for a seeker, and the switch for non-personalized results (PIPL art. 24).</summary>
public static class RecommendationsApi
{
    public const int DefaultTop = 10;

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
    /// <param name="Level">high, medium or low: the score against the cut points of 高/中/低 (MatchLevels).</param>
    /// <param name="Applied">The seeker already applied to this job (已申请).</param>
    public sealed record TalentMatchView(int Rank, float Score, string TalentId, string MaskedName, ReasonsView? Reasons, string Level, bool Applied);

    public sealed record TalentMatches(string JobId, bool LearnedRanking, IReadOnlyList<TalentMatchView> Items);

    public sealed record JobSummary(string Id, string Title, string? OccupationCode, string City, int SalaryMin, int SalaryMax, string EmployerId, string? EmployerName);

    /// <param name="Level">high, medium or low: the score against the cut points of 高/中/低 (MatchLevels).</param>
    public sealed record JobMatchView(int Rank, float Score, JobSummary Job, ReasonsView? Reasons, string Level);

    private static string LevelOf(float score) => MatchLevels.Of(score).ToString().ToLowerInvariant();

    public sealed record JobMatches(bool Personalized, bool LearnedRanking, IReadOnlyList<JobMatchView> Items);

    public sealed record Personalization(bool Enabled);

    /// <summary>The setting to change; a body without <c>enabled</c> is refused rather than read as off.</summary>
    public sealed record PersonalizationRequest(bool? Enabled);

    internal static ReasonsView? ToView(MatchReasons? r) => r is null ? null : new(r.Text, r.OccupationCode, r.OccupationName, r.JobOccupationCode,
        r.Proximity.ToString(), r.GradeHeld, r.GradeRequired, r.MatchedSkills, r.MissingSkills, r.SkillsFromStandard, r.Salary.ToString(),
        r.OccupationCode is null && r.MatchedSkills.Count == 0 && r.GradeRequired is null ? null : r.Location.ToString(), r.JobCity,
        r.ExperienceYears, r.ExperienceRequired);

    private static async Task<Results<Ok<TalentMatches>, ProblemHttpResult>> RecommendedTalent(string id,
        [Range(1, RecommendTalent.MaxTop), Description("At most this many candidates, 1–50 (default 10)")] int? top, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RecommendTalent.Query(id, top ?? DefaultTop), ct)).ToHttp(found => new TalentMatches(id, found.LearnedRanking,
            found.Rows.Select(r => new TalentMatchView(r.Match.Rank, r.Match.Score, r.Match.TalentId, r.MaskedName, ToView(r.Match.Reasons),
                LevelOf(r.Match.Score), found.Applied.Contains(r.Match.TalentId))).ToList()));

    private static async Task<Results<Ok<JobMatches>, ProblemHttpResult>> RecommendedJobs(
        [Range(1, RecommendJobs.MaxTop), Description("At most this many jobs, 1–50 (default 10)")] int? top, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RecommendJobs.Query(top ?? DefaultTop), ct)).ToHttp(found => new JobMatches(found.Personalized, found.LearnedRanking,
            found.Rows.Select(r => new JobMatchView(r.Match.Rank, r.Match.Score, new JobSummary(r.Job.Id, r.Job.Title, r.Job.OccupationCode, r.Job.CityCode,
                r.Job.SalaryMin, r.Job.SalaryMax, r.Job.EmployerId, r.EmployerName), ToView(r.Match.Reasons), LevelOf(r.Match.Score))).ToList()));

    private static async Task<Results<Ok<Personalization>, ProblemHttpResult>> GetPersonalization(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Matching.GetPersonalization.Query(), ct)).ToHttp(enabled => new Personalization(enabled));

    private static async Task<Results<Ok<Personalization>, ProblemHttpResult>> SetPersonalization(PersonalizationRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new Application.Matching.SetPersonalization.Command(body.Enabled), ct)).ToHttp(on => new Personalization(on));
}
