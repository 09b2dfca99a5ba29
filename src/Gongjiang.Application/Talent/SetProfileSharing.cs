using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Talent;

/// <summary>
/// The seeker shares their résumé with the zone's employers (人才库), or stops sharing. Leaving the shared pool withdraws
/// every consent given through it and declines the open requests: employers lose the profile and its contact data
/// together. Applications keep their own, separate basis. A profile must be saved first.
/// </summary>
public static class SetProfileSharing
{
    public sealed record Command(bool Share) : IUseCase<TalentProfile>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IUseCaseHandler<Command, TalentProfile>
    {
        public async Task<Result<TalentProfile>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await currentUser.GetAsync(ct);
            var profile = actor?.TalentId is { } id ? await db.Talent.FirstOrDefaultAsync(t => t.Id == id, ct) : null;
            if (profile is null) return Error.Refused(TalentErrors.SaveFirst);
            var now = clock.GetUtcNow().UtcDateTime;
            profile.SharedWithZone = command.Share;
            profile.UpdatedAt = now;
            if (!command.Share)
            {
                foreach (var grant in await db.Set<ConsentGrant>().Where(g => g.TalentId == profile.Id && g.RevokedAt == null).ToListAsync(ct))
                    (grant.RevokedAt, grant.RevokedReason) = (now, "sharing-off");
                foreach (var request in await db.Set<ContactRequest>().Where(r => r.TalentId == profile.Id && r.Status == ContactRequestStatus.Pending).ToListAsync(ct))
                    (request.Status, request.AnsweredAt) = (ContactRequestStatus.Declined, now);
            }
            await db.SaveChangesAsync(ct);
            return profile;
        }
    }
}
