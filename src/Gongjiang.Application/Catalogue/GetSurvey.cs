using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>A survey as its operator follows it: per stratum the population, the sample, who answered and the weight.</summary>
public static class GetSurvey
{
    public sealed record Query(string SurveyId) : IUseCase<View>;

    public sealed record StratumView(string Cluster, EmployerSize Size, int Population, int Sampled, int Responded, double DesignWeight, double Weight);

    public sealed record View(DemandSurvey Survey, IReadOnlyList<StratumView> Strata, int Needs, double WeightedHeadcount)
    {
        public int Responded => Strata.Sum(s => s.Responded);
    }

    public sealed class Handler(AppDbContext db, ComplianceRules rules) : IUseCaseHandler<Query, View>
    {
        public async Task<Result<View>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<View>();
            var survey = await db.DemandSurveys.Include(s => s.Strata).FirstOrDefaultAsync(s => s.Id == query.SurveyId, ct);
            if (survey is null) return Error.NotFound(CatalogueErrors.SurveyNotFound);
            var responded = await db.SurveyInvitations.Where(i => i.SurveyId == survey.Id && i.RespondedAt != null)
                .GroupBy(i => new { i.Cluster, i.Size }).Select(g => new { g.Key.Cluster, g.Key.Size, Count = g.Count() }).ToListAsync(ct);
            var strata = survey.Strata.OrderBy(s => s.Cluster, StringComparer.Ordinal).ThenBy(s => s.Size).Select(s =>
            {
                var r = responded.FirstOrDefault(x => x.Cluster == s.Cluster && x.Size == s.Size)?.Count ?? 0;
                return new StratumView(s.Cluster, s.Size, s.Population, s.Sampled, r, (double)s.Population / s.Sampled, SurveyDemand.Weight(s.Population, r));
            }).ToList();
            var needs = await db.SurveyNeeds.Where(n => n.SurveyId == survey.Id)
                .Join(db.SurveyInvitations.Where(i => i.SurveyId == survey.Id), n => n.EmployerId, i => i.EmployerId, (n, i) => new { n.Headcount, i.Cluster, i.Size })
                .ToListAsync(ct);
            var weighted = needs.Sum(n => n.Headcount * (strata.FirstOrDefault(s => s.Cluster == n.Cluster && s.Size == n.Size)?.Weight ?? 0));
            return new View(survey, strata, needs.Count, weighted);
        }
    }
}
