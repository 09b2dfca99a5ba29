using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>The open demand surveys the employer was drawn into, with the needs it stated so far.</summary>
public static class GetMySurveys
{
    public sealed record Query : IUseCase<IReadOnlyList<Invitation>>;

    public sealed record Invitation(string SurveyId, string Period, DateTime? RespondedAt, IReadOnlyList<SurveyNeed> Needs);

    public sealed class Handler(AppDbContext db, PostingRules rules) : IUseCaseHandler<Query, IReadOnlyList<Invitation>>
    {
        public async Task<Result<IReadOnlyList<Invitation>>> HandleAsync(Query query, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<IReadOnlyList<Invitation>>();
            var id = employer.Value.Id;
            var invitations = await (from i in db.SurveyInvitations
                                     join s in db.DemandSurveys on i.SurveyId equals s.Id
                                     where i.EmployerId == id && s.ClosedAt == null
                                     select new { i.SurveyId, s.Period, i.RespondedAt }).ToListAsync(ct);
            var ids = invitations.Select(i => i.SurveyId).ToList();
            var needs = await db.SurveyNeeds.AsNoTracking().Where(n => n.EmployerId == id && ids.Contains(n.SurveyId)).ToListAsync(ct);
            return invitations.OrderByDescending(i => i.Period, StringComparer.Ordinal)
                .Select(i => new Invitation(i.SurveyId, i.Period, i.RespondedAt, needs.Where(n => n.SurveyId == i.SurveyId).OrderBy(n => n.Id).ToList())).ToList();
        }
    }
}
