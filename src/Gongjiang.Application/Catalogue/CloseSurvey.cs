using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// An operator closes a demand survey: from then on its drawn employers can no longer change their needs, and what they
/// stated stays in the catalogue with the weights of the moment of closing. Closing twice is refused; it is in the service log.
/// </summary>
public static class CloseSurvey
{
    public sealed record Command(string SurveyId) : IUseCase<DemandSurvey>;

    public sealed class Handler(AppDbContext db, ComplianceRules rules, ServiceLog log, TimeProvider clock) : IUseCaseHandler<Command, DemandSurvey>
    {
        public async Task<Result<DemandSurvey>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<DemandSurvey>();
            var survey = await db.DemandSurveys.FirstOrDefaultAsync(s => s.Id == command.SurveyId, ct);
            if (survey is null) return Error.NotFound(CatalogueErrors.SurveyNotFound);
            if (survey.ClosedAt is not null) return Error.Conflict(CatalogueErrors.SurveyClosed);
            survey.ClosedAt = clock.GetUtcNow().UtcDateTime;
            log.Write(op.Value.UserId, ServiceActions.SurveyClosed, ServiceTargets.Survey, survey.Id);
            await db.SaveChangesAsync(ct);
            return survey;
        }
    }
}

/// <summary>
/// An operator reminds the drawn employers of an open survey that have not answered yet: every HR user of each hears
/// about it in the inbox. Returns how many employers were reminded.
/// </summary>
public static class RemindSurvey
{
    public sealed record Command(string SurveyId) : IUseCase<int>;

    public sealed class Handler(AppDbContext db, ComplianceRules rules, SurveyNotices notices, ServiceLog log) : IUseCaseHandler<Command, int>
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<int>();
            var survey = await db.DemandSurveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SurveyId, ct);
            if (survey is null) return Error.NotFound(CatalogueErrors.SurveyNotFound);
            if (survey.ClosedAt is not null) return Error.Conflict(CatalogueErrors.SurveyClosed);
            var silent = await db.SurveyInvitations.Where(i => i.SurveyId == survey.Id && i.RespondedAt == null)
                .Select(i => i.EmployerId).ToListAsync(ct);
            await notices.TellAsync(survey, silent, reminder: true, ct);
            log.Write(op.Value.UserId, ServiceActions.SurveyReminded, ServiceTargets.Survey, survey.Id, $"{silent.Count}");
            await db.SaveChangesAsync(ct);
            return silent.Count;
        }
    }
}
