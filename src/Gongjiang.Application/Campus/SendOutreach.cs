using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Notifications;
using Gongjiang.Core.Campus;

namespace Gongjiang.Application.Campus;

/// <summary>
/// The employer sends the campaign's notice (in-app, SMS, e-mail: "inapp", "sms", "email") to everyone in its audience not
/// reached yet, recorded per recipient; the value is how many were reached now.
/// </summary>
public static class SendOutreach
{
    public sealed record Command(string CampaignId, IReadOnlyList<string>? Channels) : IUseCase<int>;

    public sealed class Handler(CampaignRules rules, INotifier notifier) : IUseCaseHandler<Command, int>
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var channels = CampaignRules.ParseChannels(command.Channels);
            if (!channels.Succeeded) return channels.Cast<int>();
            var owned = await rules.OwnAsync(command.CampaignId, ct);
            if (!owned.Succeeded) return owned.Cast<int>();
            var campaign = owned.Value;
            var reached = campaign.Recipients.Select(r => r.TalentId).ToHashSet(StringComparer.Ordinal);
            var now = rules.Now;
            var sent = 0;
            foreach (var talentId in await rules.AudienceAsync(campaign, ct))
            {
                if (reached.Contains(talentId)) continue;
                await notifier.QueueAsync(new Notice(CampaignRules.OutreachKind, campaign.Title, campaign.Message, channels.Value, RecipientTalentId: talentId,
                    Link: $"/Seeker/CampusTalks?campaign={campaign.Id}"), ct);
                campaign.Recipients.Add(new CampaignRecipient { CampaignId = campaign.Id, TalentId = talentId, Channels = (int)channels.Value, SentAt = now });
                sent++;
            }
            campaign.UpdatedAt = now;
            // A campaign edited meanwhile is a conflict: nobody is recorded as reached, so a retry reaches them.
            return await rules.SaveAsync(sent, ct);
        }
    }
}
