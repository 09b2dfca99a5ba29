using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>The employer schedules a campus talk (宣讲会) of one of its campaigns: school, place, a time to come and the seats.</summary>
public static class AddTalk
{
    public sealed record Command(string CampaignId, TalkInput Talk) : IUseCase<CampusTalk>;

    public sealed class Handler(AppDbContext db, CampaignRules rules, TimeProvider clock) : IUseCaseHandler<Command, CampusTalk>
    {
        public async Task<Result<CampusTalk>> HandleAsync(Command command, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded || !await db.CampusCampaigns.AnyAsync(c => c.Id == command.CampaignId && c.EmployerId == employer.Value, ct))
                return Error.NotFound(CampusErrors.CampaignNotFound, command.CampaignId);
            var input = command.Talk;
            var errors = new ErrorList();
            if (string.IsNullOrWhiteSpace(input.School) || input.School.Trim().Length > 100) errors.Add("school", CampusErrors.TalkSchool);
            if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Trim().Length > 200) errors.Add("place", CampusErrors.TalkPlace);
            if (input.Capacity is not (>= 1 and <= 100000)) errors.Add("capacity", CampusErrors.TalkCapacity);
            if (input.StartsAt is not { } startsAt) errors.Add("startsAt", CampusErrors.TalkStartsAtRequired);
            else if (startsAt <= rules.Now) errors.Add("startsAt", CampusErrors.TalkInPast);
            if (!errors.IsEmpty) return errors;
            var talk = new CampusTalk
            {
                Id = EntityId.New('S', clock), CampaignId = command.CampaignId, School = input.School!.Trim(), Place = input.Place!.Trim(),
                StartsAt = DateTime.SpecifyKind(input.StartsAt!.Value, DateTimeKind.Utc), Capacity = input.Capacity!.Value,
            };
            db.CampusTalks.Add(talk);
            await db.SaveChangesAsync(ct);
            return talk;
        }
    }
}
