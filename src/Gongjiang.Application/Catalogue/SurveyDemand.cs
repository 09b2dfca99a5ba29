using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// Weighted demand from the employer demand surveys of a quarter (docs/shortage-catalogue.md): each answering employer
/// stands for N_h ÷ r_h employers of its stratum h — the design weight N_h ÷ n_h times the non-response adjustment
/// n_h ÷ r_h — so the stated headcounts are brought up to the zone's employer population. A stratum nobody answered adds
/// nothing. The catalogue multiplies the result by the method's survey weight.
/// </summary>
public sealed class SurveyDemand(AppDbContext db)
{
    public sealed record Weighted(string Employer, string City, string Occupation, double Demand);

    /// <summary>The final weight of each answering employer of the quarter's surveys, by stratum.</summary>
    public static double Weight(int population, int responded) => responded > 0 ? (double)population / responded : 0;

    public async Task<List<Weighted>> NeedsAsync(Quarter quarter, string? cluster, CancellationToken ct)
    {
        var period = quarter.ToString();
        var surveys = await db.DemandSurveys.Where(s => s.Period == period).Select(s => s.Id).ToListAsync(ct);
        if (surveys.Count == 0) return [];
        var strata = await db.SurveyStrata.Where(s => surveys.Contains(s.SurveyId)).ToListAsync(ct);
        var responded = await db.SurveyInvitations.Where(i => surveys.Contains(i.SurveyId) && i.RespondedAt != null)
            .GroupBy(i => new { i.SurveyId, i.Cluster, i.Size }).Select(g => new { g.Key.SurveyId, g.Key.Cluster, g.Key.Size, Count = g.Count() })
            .ToListAsync(ct);
        var weights = strata.ToDictionary(s => (s.SurveyId, s.Cluster, s.Size),
            s => Weight(s.Population, responded.FirstOrDefault(r => r.SurveyId == s.SurveyId && r.Cluster == s.Cluster && r.Size == s.Size)?.Count ?? 0));
        var needs = await (from n in db.SurveyNeeds
                           join i in db.SurveyInvitations on new { n.SurveyId, n.EmployerId } equals new { i.SurveyId, i.EmployerId }
                           join e in db.Employers on n.EmployerId equals e.Id
                           where surveys.Contains(n.SurveyId) && i.RespondedAt != null && (cluster == null || i.Cluster == cluster)
                           select new { n.SurveyId, n.EmployerId, e.CityCode, n.OccupationCode, n.Headcount, i.Cluster, i.Size }).ToListAsync(ct);
        return needs.Select(n => new Weighted(n.EmployerId, n.CityCode, n.OccupationCode,
            n.Headcount * weights.GetValueOrDefault((n.SurveyId, n.Cluster, n.Size)))).Where(w => w.Demand > 0).ToList();
    }
}
