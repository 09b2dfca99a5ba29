using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>
/// The zone at a glance for its operators (运营总览): employers by verification state and industry cluster, postings by
/// state as readers see them today, openings and talent, the occupations where demand outruns supply, the hiring funnel
/// and what happened lately.
/// </summary>
public static class GetZoneOverview
{
    public sealed record Query : IUseCase<Overview>;

    public sealed record Overview(IReadOnlyDictionary<VerificationStatus, int> EmployersByStatus, IReadOnlyList<ClusterRow> EmployersByCluster,
        IReadOnlyDictionary<JobStatus, int> JobsByStatus, int OpenOpenings, int TalentCount, int SharedTalent,
        IReadOnlyList<OccupationRow> TopOccupations, IReadOnlyList<TalentRow> TopTalentOccupations,
        IReadOnlyDictionary<OutcomeStage, int> Funnel, IReadOnlyList<Activity> Recent);

    public sealed record ClusterRow(string Cluster, int Count, int Verified);

    public sealed record OccupationRow(string Code, string Name, int OpenJobs, int Openings, int Talent)
    {
        /// <summary>求人倍率: openings per seeker; null when nobody registered the occupation.</summary>
        public double? DemandRatio => Talent == 0 ? null : (double)Openings / Talent;
    }

    public sealed record TalentRow(string Code, string Name, int Talent);

    /// <param name="Kind">What happened, as a key of the web resources (岗位发布, 企业认证通过, 录用 …).</param>
    public sealed record Activity(DateTime At, string Kind, string Text, string? Link, string? Detail);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, TaxonomyCatalog catalog) : IUseCaseHandler<Query, Overview>
    {
        public async Task<Result<Overview>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Overview>();
            var today = rules.Today;
            var employersByStatus = await db.Employers.GroupBy(e => e.Verification).Select(g => new { g.Key, C = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.C, ct);
            var byCluster = (await db.Employers.GroupBy(e => e.IndustryCluster)
                    .Select(g => new { g.Key, C = g.Count(), V = g.Count(e => e.Verification == VerificationStatus.Verified) }).ToListAsync(ct))
                .OrderByDescending(x => x.C).Select(x => new ClusterRow(string.IsNullOrEmpty(x.Key) ? "其他" : x.Key, x.C, x.V)).ToList();

            var jobsByStatus = await db.Jobs.GroupBy(j => j.Status).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
            var lapsed = await db.Jobs.CountAsync(j => j.Status == JobStatus.Open && j.ExpiresAt < today, ct);
            if (lapsed > 0)
            {
                jobsByStatus[JobStatus.Open] = jobsByStatus.GetValueOrDefault(JobStatus.Open) - lapsed;
                jobsByStatus[JobStatus.Expired] = jobsByStatus.GetValueOrDefault(JobStatus.Expired) + lapsed;
            }

            var open = db.Jobs.Where(j => j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today));
            var openOpenings = await open.SumAsync(j => (int?)j.Headcount, ct) ?? 0;
            var byOccupation = await open.Where(j => j.OccupationCode != null).GroupBy(j => j.OccupationCode!)
                .Select(g => new { Code = g.Key, Jobs = g.Count(), Openings = g.Sum(j => j.Headcount) })
                .OrderByDescending(x => x.Openings).Take(12).ToListAsync(ct);

            var talentCount = await db.Talent.CountAsync(t => t.IsActive, ct);
            var sharedTalent = await db.Talent.CountAsync(t => t.IsActive && t.SharedWithZone, ct);
            // Occupations are stored as a JSON list per profile; counted here, each person once per occupation.
            var talentOccupations = await db.Talent.AsNoTracking().Where(t => t.IsActive).Select(t => t.Occupations).ToListAsync(ct);
            var talentByCode = talentOccupations.SelectMany(list => list.Select(o => o.Code).Distinct())
                .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var topOccupations = byOccupation.Select(x => new OccupationRow(x.Code, NameOf(x.Code), x.Jobs, x.Openings,
                talentByCode.GetValueOrDefault(x.Code))).ToList();
            var topTalent = talentByCode.OrderByDescending(p => p.Value).Take(10).Select(p => new TalentRow(p.Key, NameOf(p.Key), p.Value)).ToList();

            var funnel = await db.Outcomes.GroupBy(o => o.Stage).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
            return new Overview(employersByStatus, byCluster, jobsByStatus, openOpenings, talentCount, sharedTalent, topOccupations, topTalent,
                funnel, await RecentAsync(ct));
        }

        private string NameOf(string code) => catalog.FindOccupation(code)?.Name ?? code;

        /// <summary>The latest postings, employer changes and hiring steps, newest first.</summary>
        private async Task<List<Activity>> RecentAsync(CancellationToken ct)
        {
            var recentJobs = await db.Jobs.AsNoTracking().OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.Id).Take(8)
                .Select(j => new { j.Id, j.Title, j.EmployerId, j.Status, j.CreatedAt, j.UpdatedAt }).ToListAsync(ct);
            var recentEmployers = await db.Employers.AsNoTracking().OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Take(8)
                .Select(e => new { e.Id, e.Name, e.Verification, e.CreatedAt, e.UpdatedAt, e.VerifiedAt }).ToListAsync(ct);
            var recentOutcomes = await db.Outcomes.AsNoTracking()
                .Where(o => o.Stage == OutcomeStage.Hired || o.Stage == OutcomeStage.Applied || o.Stage == OutcomeStage.Interviewed)
                .OrderByDescending(o => o.At).Take(8).Select(o => new { o.JobId, o.Stage, o.At }).ToListAsync(ct);
            var ids = recentJobs.Select(j => j.EmployerId).ToList();
            var outcomeJobs = recentOutcomes.Select(o => o.JobId).Distinct().ToList();
            var titles = await db.Jobs.AsNoTracking().Where(j => outcomeJobs.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
            var names = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);

            var recent = new List<Activity>();
            recent.AddRange(recentJobs.Select(j => new Activity(j.UpdatedAt, j.CreatedAt == j.UpdatedAt ? "岗位发布" : "岗位更新", j.Title,
                "/Jobs/Detail/" + j.Id, names.GetValueOrDefault(j.EmployerId))));
            recent.AddRange(recentEmployers.Select(e => new Activity(e.UpdatedAt, e.Verification switch
                {
                    VerificationStatus.Verified => "企业认证通过", VerificationStatus.Rejected => "企业认证驳回",
                    VerificationStatus.Pending => "企业申请入驻", _ => "企业状态变更",
                },
                e.Name, "/Operator/Employers?status=" + e.Verification.ToString().ToLowerInvariant(), null)));
            recent.AddRange(recentOutcomes.Select(o => new Activity(o.At, o.Stage switch { OutcomeStage.Hired => "录用", OutcomeStage.Interviewed => "面试", _ => "投递" },
                titles.GetValueOrDefault(o.JobId) ?? o.JobId, "/Jobs/Detail/" + o.JobId, null)));
            return recent.OrderByDescending(a => a.At).Take(12).ToList();
        }
    }
}
