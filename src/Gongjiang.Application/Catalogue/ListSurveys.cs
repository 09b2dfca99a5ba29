using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>The zone's demand surveys for its operators, newest first, with how many were drawn and answered.</summary>
public static class ListSurveys
{
    public sealed record Query : IUseCase<IReadOnlyList<Row>>;

    public sealed record Row(string Id, string Period, int Seed, int Sampled, int Responded, DateTime OpenedAt, DateTime? ClosedAt);

    public sealed class Handler(AppDbContext db, ComplianceRules rules) : IUseCaseHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<Result<IReadOnlyList<Row>>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<IReadOnlyList<Row>>();
            var counts = await db.SurveyInvitations.GroupBy(i => i.SurveyId)
                .Select(g => new { g.Key, Sampled = g.Count(), Responded = g.Count(i => i.RespondedAt != null) }).ToDictionaryAsync(x => x.Key, ct);
            var surveys = await db.DemandSurveys.AsNoTracking().ToListAsync(ct);
            return surveys.OrderByDescending(s => s.OpenedAt).Select(s => new Row(s.Id, s.Period, s.Seed,
                counts.TryGetValue(s.Id, out var c) ? c.Sampled : 0, counts.TryGetValue(s.Id, out c) ? c.Responded : 0, s.OpenedAt, s.ClosedAt)).ToList();
        }
    }
}
