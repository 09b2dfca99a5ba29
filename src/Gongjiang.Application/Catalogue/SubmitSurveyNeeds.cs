using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// A sampled employer states its needs for the survey's quarter — occupation, grade, headcount, urgency — replacing
/// what it stated before; an empty list is an answer too (no needs). Employers not drawn get NotFound.
/// </summary>
public static class SubmitSurveyNeeds
{
    public sealed record Need(string? OccupationCode, int? Grade, int Headcount, SurveyUrgency Urgency);

    public sealed record Command(string SurveyId, IReadOnlyList<Need> Needs) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, PostingRules rules, TaxonomyCatalog taxonomy, TimeProvider clock) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<Done>();
            var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.SurveyId == command.SurveyId && i.EmployerId == employer.Value.Id, ct);
            if (invitation is null) return Error.NotFound(CatalogueErrors.SurveyNotFound);
            var survey = await db.DemandSurveys.FirstAsync(s => s.Id == command.SurveyId, ct);
            if (survey.ClosedAt is not null) return Error.Conflict(CatalogueErrors.SurveyClosed);

            var errors = new ErrorList();
            for (var i = 0; i < command.Needs.Count; i++)
            {
                var need = command.Needs[i];
                if (taxonomy.FindOccupation(need.OccupationCode) is not { Level: 4 }) errors.Add($"needs[{i}].occupation_code", InputErrors.UnknownOccupation, need.OccupationCode ?? "");
                if (need.Grade is { } g && g is < 1 or > 5) errors.Add($"needs[{i}].grade", InputErrors.GradeOrNone, g);
                if (need.Headcount is < 1 or > 10_000) errors.Add($"needs[{i}].headcount", InputErrors.Between, 1, 10_000);
                if (!Enum.IsDefined(need.Urgency)) errors.Add($"needs[{i}].urgency", InputErrors.Required);
            }
            if (!errors.IsEmpty) return errors;

            db.SurveyNeeds.RemoveRange(await db.SurveyNeeds.Where(n => n.SurveyId == survey.Id && n.EmployerId == invitation.EmployerId).ToListAsync(ct));
            foreach (var need in command.Needs)
                db.SurveyNeeds.Add(new SurveyNeed
                {
                    SurveyId = survey.Id, EmployerId = invitation.EmployerId, OccupationCode = need.OccupationCode!, Grade = need.Grade,
                    Headcount = need.Headcount, Urgency = need.Urgency,
                });
            invitation.RespondedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
    }
}
