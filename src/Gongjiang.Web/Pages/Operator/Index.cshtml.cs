using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>The zone at a glance: employers, postings and talent, where demand outruns supply, and what happened lately.</summary>
public sealed class IndexModel(AppDbContext db, TaxonomyCatalog catalog, TimeProvider clock) : PageModel
{
    public sealed record OccupationRow(string Code, string Name, int OpenJobs, int Openings, int Talent)
    {
        /// <summary>求人倍率: openings per seeker; null when nobody registered the occupation.</summary>
        public double? DemandRatio => Talent == 0 ? null : (double)Openings / Talent;
    }

    public sealed record Activity(DateTime At, string Kind, string Text, string? Link, string? Detail);

    public Dictionary<VerificationStatus, int> EmployersByStatus { get; private set; } = [];
    public List<(string Cluster, int Count, int Verified)> EmployersByCluster { get; private set; } = [];
    public Dictionary<JobStatus, int> JobsByStatus { get; private set; } = [];
    public int OpenOpenings { get; private set; }
    public int TalentCount { get; private set; }
    public int SharedTalent { get; private set; }
    public List<OccupationRow> TopOccupations { get; private set; } = [];
    public List<(string Code, string Name, int Talent)> TopTalentOccupations { get; private set; } = [];
    public Dictionary<OutcomeStage, int> Funnel { get; private set; } = [];
    public List<Activity> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        EmployersByStatus = await db.Employers.GroupBy(e => e.Verification).Select(g => new { g.Key, C = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.C, ct);
        EmployersByCluster = (await db.Employers.GroupBy(e => e.IndustryCluster)
                .Select(g => new { g.Key, C = g.Count(), V = g.Count(e => e.Verification == VerificationStatus.Verified) }).ToListAsync(ct))
            .OrderByDescending(x => x.C).Select(x => (string.IsNullOrEmpty(x.Key) ? "其他" : x.Key, x.C, x.V)).ToList();

        JobsByStatus = await db.Jobs.GroupBy(j => j.Status).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
        var lapsed = await db.Jobs.CountAsync(j => j.Status == JobStatus.Open && j.ExpiresAt < today, ct);
        if (lapsed > 0)
        {
            JobsByStatus[JobStatus.Open] = JobsByStatus.GetValueOrDefault(JobStatus.Open) - lapsed;
            JobsByStatus[JobStatus.Expired] = JobsByStatus.GetValueOrDefault(JobStatus.Expired) + lapsed;
        }

        var open = db.Jobs.Where(j => j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today));
        OpenOpenings = await open.SumAsync(j => (int?)j.Headcount, ct) ?? 0;
        var byOccupation = await open.Where(j => j.OccupationCode != null).GroupBy(j => j.OccupationCode!)
            .Select(g => new { Code = g.Key, Jobs = g.Count(), Openings = g.Sum(j => j.Headcount) })
            .OrderByDescending(x => x.Openings).Take(12).ToListAsync(ct);

        TalentCount = await db.Talent.CountAsync(t => t.IsActive, ct);
        SharedTalent = await db.Talent.CountAsync(t => t.IsActive && t.SharedWithZone, ct);
        // Occupations are stored as a JSON list per profile; counted here, each person once per occupation.
        var talentOccupations = await db.Talent.AsNoTracking().Where(t => t.IsActive).Select(t => t.Occupations).ToListAsync(ct);
        var talentByCode = talentOccupations.SelectMany(list => list.Select(o => o.Code).Distinct())
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        TopOccupations = byOccupation.Select(x => new OccupationRow(x.Code, catalog.FindOccupation(x.Code)?.Name ?? x.Code, x.Jobs, x.Openings,
            talentByCode.GetValueOrDefault(x.Code))).ToList();
        TopTalentOccupations = talentByCode.OrderByDescending(p => p.Value).Take(10)
            .Select(p => (p.Key, catalog.FindOccupation(p.Key)?.Name ?? p.Key, p.Value)).ToList();

        Funnel = await db.Outcomes.GroupBy(o => o.Stage).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);

        var recentJobs = await db.Jobs.AsNoTracking().OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.Id).Take(8)
            .Select(j => new { j.Id, j.Title, j.EmployerId, j.Status, j.CreatedAt, j.UpdatedAt }).ToListAsync(ct);
        var recentEmployers = await db.Employers.AsNoTracking().OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Take(8)
            .Select(e => new { e.Id, e.Name, e.Verification, e.CreatedAt, e.UpdatedAt, e.VerifiedAt }).ToListAsync(ct);
        var recentOutcomes = await db.Outcomes.AsNoTracking().Where(o => o.Stage == OutcomeStage.Hired || o.Stage == OutcomeStage.Applied || o.Stage == OutcomeStage.Interviewed)
            .OrderByDescending(o => o.At).Take(8).Select(o => new { o.JobId, o.Stage, o.At }).ToListAsync(ct);
        var ids = recentJobs.Select(j => j.EmployerId).ToList();
        var outcomeJobs = recentOutcomes.Select(o => o.JobId).Distinct().ToList();
        var titles = await db.Jobs.AsNoTracking().Where(j => outcomeJobs.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
        var names = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);

        var recent = new List<Activity>();
        recent.AddRange(recentJobs.Select(j => new Activity(j.UpdatedAt, j.CreatedAt == j.UpdatedAt ? "岗位发布" : "岗位更新", j.Title,
            "/Jobs/Detail/" + j.Id, names.GetValueOrDefault(j.EmployerId))));
        recent.AddRange(recentEmployers.Select(e => new Activity(e.UpdatedAt,
            e.Verification switch { VerificationStatus.Verified => "企业认证通过", VerificationStatus.Rejected => "企业认证驳回", VerificationStatus.Pending => "企业申请入驻", _ => "企业状态变更" },
            e.Name, "/Operator/Employers?status=" + e.Verification.ToString().ToLowerInvariant(), null)));
        recent.AddRange(recentOutcomes.Select(o => new Activity(o.At, o.Stage switch { OutcomeStage.Hired => "录用", OutcomeStage.Interviewed => "面试", _ => "投递" },
            titles.GetValueOrDefault(o.JobId) ?? o.JobId, "/Jobs/Detail/" + o.JobId, null)));
        Recent = recent.OrderByDescending(a => a.At).Take(12).ToList();
    }
}
