using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Common;

namespace Gongjiang.Application.Campus;

/// <summary>
/// An employer opens a campus campaign (校园招聘): its name, the notice for students, the majors, schools and graduation year it
/// targets among seekers sharing with the zone, and the employer's own jobs it links.
/// </summary>
public static class CreateCampaign
{
    public sealed record Command(CampaignInput Campaign) : IUseCase<CampaignDetail>;

    public sealed class Handler(AppDbContext db, CampaignRules rules, TimeProvider clock) : IUseCaseHandler<Command, CampaignDetail>
    {
        public async Task<Result<CampaignDetail>> HandleAsync(Command command, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<CampaignDetail>();
            var terms = await rules.CheckAsync(employer.Value, command.Campaign, ct);
            if (!terms.Succeeded) return terms.Cast<CampaignDetail>();
            var campaign = new CampusCampaign { Id = EntityId.New('K', clock), EmployerId = employer.Value, CreatedAt = rules.Now };
            rules.Apply(campaign, terms.Value);
            db.CampusCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            return await rules.DetailAsync(campaign, ct);
        }
    }
}
