using Gongjiang.Application.Persistence;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Matching;

/// <summary>
/// Who already applied where, for recommendations people trust: a seeker is not recommended a job they applied to or
/// were hired for (为你推荐), and HR sees which recommended candidates already applied (推荐人才 已申请). Applications
/// made on the platform and recruiting outcomes from imported history both count.
/// </summary>
public static class RecommendAlreadyApplied
{
    // Outcomes that mean the seeker applied (everything after 申请 implies it); 推荐/查看/邀请 do not.
    private static readonly OutcomeStage[] AppliedStages =
        [OutcomeStage.Applied, OutcomeStage.Interviewed, OutcomeStage.Offered, OutcomeStage.Hired, OutcomeStage.Rejected, OutcomeStage.Withdrawn];

    /// <summary>The jobs the seeker applied to or was hired for.</summary>
    public static async Task<HashSet<string>> JobsOfAsync(AppDbContext db, string talentId, CancellationToken ct)
    {
        var applied = await db.Applications.AsNoTracking().Where(a => a.TalentId == talentId).Select(a => a.JobId).ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.TalentId == talentId && AppliedStages.Contains(o.Stage))
            .Select(o => o.JobId).Distinct().ToListAsync(ct);
        return [.. applied, .. outcomes];
    }

    /// <summary>Those of the talent who applied to the job.</summary>
    public static async Task<HashSet<string>> TalentOfAsync(AppDbContext db, string jobId, IReadOnlyCollection<string> talentIds, CancellationToken ct)
    {
        var applied = await db.Applications.AsNoTracking().Where(a => a.JobId == jobId && talentIds.Contains(a.TalentId))
            .Select(a => a.TalentId).ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.JobId == jobId && talentIds.Contains(o.TalentId) && AppliedStages.Contains(o.Stage))
            .Select(o => o.TalentId).Distinct().ToListAsync(ct);
        return [.. applied, .. outcomes];
    }
}
