using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>
/// A reached seeker opened the campaign's notice (its link or the API): the first response counts. For a seeker the campaign
/// never reached nothing is recorded, and nothing is disclosed about the campaign.
/// </summary>
public static class OpenCampaignNotice
{
    public sealed record Command(string CampaignId) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, CampaignRules rules) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var seeker = await rules.SeekerAsync(ct);
            if (!seeker.Succeeded) return seeker.Cast<Done>();
            var recipient = await db.CampaignRecipients.FirstOrDefaultAsync(r => r.CampaignId == command.CampaignId && r.TalentId == seeker.Value, ct);
            if (recipient is null || recipient.RespondedAt is not null) return Done.Value;
            recipient.RespondedAt = rules.Now;
            recipient.Response = "opened";
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
    }
}
