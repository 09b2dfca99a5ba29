using Gongjiang.Application.Persistence;
using Gongjiang.Application.Seekers;
using Gongjiang.Matching.Engine;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongjiang.Application.Matching;

/// <summary>A ranked list with how it was made.</summary>
public sealed record Recommendations(IReadOnlyList<MatchResult> Items, bool Personalized, bool LearnedRanking);

/// <summary>
/// Recommendations both ways (推荐人才 for a job, 为你推荐 for a seeker), for the web app and the command line alike:
/// the index's engine, re-ranked by the learned model when one is in force, every result with its reasons.
/// </summary>
public sealed class RecommendationService(MatchingIndex index, RankingModels models, AppDbContext db, TimeProvider clock)
{
    public const int MaxTop = 200;

    /// <summary>
    /// The best talent for a job (empty for an unknown, closed or expired job). With <paramref name="sharedOnly"/>, only
    /// seekers who share their profile with the zone: what an employer may be shown.
    /// </summary>
    /// <param name="hiddenFrom">The employer asking: seekers who blocked it are left out.</param>
    public async Task<Recommendations> TalentForJobAsync(string jobId, int top, bool sharedOnly = false, string? hiddenFrom = null, CancellationToken ct = default)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var engine = await index.GetAsync(ct);
        var model = await models.ActiveAsync(ct);
        var options = new MatchOptions { Reranker = model };
        if (!sharedOnly) return new(engine.TalentForJob(jobId, top, options), true, model is not null);
        // Ask for more and keep those who share (and did not block the employer); renumber the ranks.
        var blocking = await db.TalentBlockingAsync(hiddenFrom, ct);
        var results = engine.TalentForJob(jobId, Math.Min(MaxTop * 3, top * 3 + 20), options)
            .Where(r => index.IsShared(r.TalentId) && !blocking.Contains(r.TalentId)).Take(top).Select((r, i) => r with { Rank = i + 1 }).ToList();
        return new(results, true, model is not null);
    }

    /// <summary>
    /// The best open jobs for a seeker. Not personalized (PIPL art. 24) when <paramref name="personalized"/> is false: then
    /// nothing about the seeker is read and jobs come newest and most-hiring first.
    /// </summary>
    public async Task<Recommendations> JobsForSeekerAsync(string talentId, int top, bool personalized, CancellationToken ct = default)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var engine = await index.GetAsync(ct);
        // Jobs the seeker marked 不感兴趣 and jobs of companies they blocked never come back; ask for that many more.
        var hidden = await db.HiddenJobIdsAsync(talentId, ct);
        IReadOnlyList<MatchResult> Shown(IReadOnlyList<MatchResult> ranked) =>
            hidden.Count == 0 ? ranked : ranked.Where(r => !hidden.Contains(r.JobId)).Take(top).Select((r, i) => r with { Rank = i + 1 }).ToList();
        if (!personalized) return new(Shown(engine.BrowseJobs(talentId, top + hidden.Count, new MatchOptions { NonPersonalized = true })), false, false);
        var model = await models.ActiveAsync(ct);
        return new(Shown(engine.JobsForTalent(talentId, top + hidden.Count, new MatchOptions { Reranker = model })), true, model is not null);
    }

    /// <summary>
    /// Keeps the features of each pair shown to a person the first time it is shown (<see cref="PairSnapshot"/>), for the
    /// learned ranker to train on as they were then, and records the showing as a <see cref="OutcomeStage.Recommended"/>
    /// outcome: the pairs nobody acted on are the ranker's negatives. A pair already kept, or kept meanwhile by another
    /// request, stays as it was.
    /// </summary>
    public async Task RecordShownAsync(IReadOnlyList<MatchResult> shown, CancellationToken ct = default)
    {
        if (shown.Count == 0) return;
        var jobIds = shown.Select(r => r.JobId).Distinct().ToList();
        var talentIds = shown.Select(r => r.TalentId).Distinct().ToList();
        var kept = (await db.Set<PairSnapshot>().AsNoTracking()
                .Where(s => jobIds.Contains(s.JobId) && talentIds.Contains(s.TalentId)).Select(s => new { s.JobId, s.TalentId }).ToListAsync(ct))
            .Select(s => (s.JobId, s.TalentId)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<PairSnapshot>();
        foreach (var r in shown)
            if (kept.Add((r.JobId, r.TalentId)))
                added.Add(new PairSnapshot { JobId = r.JobId, TalentId = r.TalentId, ShownAt = now, Features = PairSnapshot.Format(r.Features) });
        if (added.Count == 0) return;
        db.Set<PairSnapshot>().AddRange(added);
        var impressions = added.Select(s => new Outcome { JobId = s.JobId, TalentId = s.TalentId, Stage = OutcomeStage.Recommended, At = now }).ToList();
        db.Outcomes.AddRange(impressions);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another request kept one of these pairs first: its earlier snapshot and showing are the ones that count.
            foreach (var s in added) db.Entry(s).State = EntityState.Detached;
            foreach (var o in impressions) db.Entry(o).State = EntityState.Detached;
        }
    }

    /// <summary>Whether the user wants personalized recommendations (the default).</summary>
    public async Task<bool> IsPersonalizedAsync(string userId, CancellationToken ct = default) =>
        !await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NonPersonalizedRecommendations).FirstOrDefaultAsync(ct);

    /// <summary>Stores the user's choice; false when there is no such user.</summary>
    public async Task<bool> SetPersonalizedAsync(string userId, bool enabled, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return false;
        user.NonPersonalizedRecommendations = !enabled;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public static class MatchingRegistration
{
    /// <summary>The matching index (one per process, kept current on every save), the ranker and recommendations.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.TryAddSingleton<MatchingIndex>();
        services.TryAddSingleton<MatchingIndexInterceptor>();
        services.TryAddSingleton<RankingModels>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<RankerService>();
        services.AddScoped<FairnessService>();
        return services;
    }

    /// <summary>For long-running hosts: build the index at start and pick up other processes' writes.</summary>
    public static IServiceCollection AddMatchingWarmup(this IServiceCollection services) =>
        services.AddHostedService<MatchingIndexWarmup>();
}
