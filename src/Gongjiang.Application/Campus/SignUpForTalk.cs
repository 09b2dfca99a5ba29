using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Campus;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>The seeker signs up for an upcoming campus talk with seats left, once; signing up answers the campaign's outreach.</summary>
public static class SignUpForTalk
{
    public sealed record Command(string TalkId) : IUseCase<CampusTalk>;

    public sealed class Handler(AppDbContext db, CampaignRules rules) : IUseCaseHandler<Command, CampusTalk>
    {
        public async Task<Result<CampusTalk>> HandleAsync(Command command, CancellationToken ct)
        {
            var seeker = await rules.SeekerAsync(ct);
            if (!seeker.Succeeded) return seeker.Cast<CampusTalk>();
            var talentId = seeker.Value;
            var talk = await db.CampusTalks.Include(t => t.Signups).FirstOrDefaultAsync(t => t.Id == command.TalkId, ct);
            if (talk is null) return Error.NotFound(CampusErrors.TalkNotFound, command.TalkId);
            var now = rules.Now;
            if (talk.StartsAt <= now) return Error.Conflict(CampusErrors.TalkStarted);
            if (talk.Signups.Any(s => s.TalentId == talentId)) return Error.Conflict(CampusErrors.AlreadySignedUp);
            if (talk.Signups.Count >= talk.Capacity) return Error.Conflict(CampusErrors.TalkFull);
            talk.Signups.Add(new TalkSignup { TalkId = talk.Id, TalentId = talentId, At = now });
            var recipient = await db.CampaignRecipients.FirstOrDefaultAsync(r => r.CampaignId == talk.CampaignId && r.TalentId == talentId && r.RespondedAt == null, ct);
            if (recipient is not null) { recipient.RespondedAt = now; recipient.Response = "signed_up"; }
            // The unique (talk, seeker) index catches a simultaneous sign-up.
            return await rules.SaveAsync(talk, ct, duplicate: Error.Conflict(CampusErrors.AlreadySignedUp));
        }
    }
}
