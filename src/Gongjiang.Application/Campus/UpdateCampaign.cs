using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Campus;

/// <summary>
/// The employer changes its own campaign (name, notice, majors, schools, graduation year, linked jobs) with the same checks as
/// creating one, while it is not finished (its talks all held). With <see cref="Command.ExpectedVersion"/>, an edit of a copy
/// someone changed since is refused as a conflict and nothing is saved. Seekers already reached stay reached; the audience
/// follows the new terms.
/// </summary>
public static class UpdateCampaign
{
    public sealed record Command(string CampaignId, CampaignInput Campaign, Guid? ExpectedVersion = null) : IUseCase<CampaignDetail>;

    public sealed class Handler(CampaignRules rules) : IUseCaseHandler<Command, CampaignDetail>
    {
        public async Task<Result<CampaignDetail>> HandleAsync(Command command, CancellationToken ct)
        {
            var owned = await rules.OwnAsync(command.CampaignId, ct);
            if (!owned.Succeeded) return owned.Cast<CampaignDetail>();
            var campaign = owned.Value;
            if (command.ExpectedVersion is { } expected && expected != campaign.Version) return Error.Conflict(CampusErrors.ChangedMeanwhile);
            if (campaign.IsFinished(rules.Now)) return Error.Conflict(CampusErrors.Finished);
            var terms = await rules.CheckAsync(campaign.EmployerId, command.Campaign, ct);
            if (!terms.Succeeded) return terms.Cast<CampaignDetail>();
            rules.Apply(campaign, terms.Value);
            var saved = await rules.SaveAsync(campaign, ct);
            return saved.Succeeded ? await rules.DetailAsync(campaign, ct) : saved.Cast<CampaignDetail>();
        }
    }
}
