using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Sharing;

/// <summary>
/// 隐私与授权: the seeker sees whether their résumé is in the zone's shared pool, the pending requests for their contact
/// data, the consents they gave and who viewed the résumé. Without a profile there is nothing to show yet (Profile null).
/// </summary>
public static class GetPrivacyOverview
{
    public sealed record Query : IUseCase<Overview>;

    public sealed record Overview(TalentProfile? Profile, IReadOnlyList<ContactRequestView> Requests, IReadOnlyList<ConsentGrantView> Grants,
        IReadOnlyList<ResumeViewEntry> Views);

    public sealed class Handler(AppDbContext db, SharingService sharing) : IUseCaseHandler<Query, Overview>
    {
        public async Task<Result<Overview>> HandleAsync(Query query, CancellationToken ct)
        {
            var empty = new Overview(null, [], [], []);
            var talentId = await sharing.OwnTalentIdAsync(Error.NotFound(Talent.TalentErrors.NoProfile), ct);
            if (!talentId.Succeeded) return empty;
            var profile = await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == talentId.Value, ct);
            if (profile is null) return empty;
            return new Overview(profile, await sharing.RequestsForSeekerAsync(talentId.Value, pendingOnly: true, ct),
                await sharing.GrantsForSeekerAsync(talentId.Value, ct), await sharing.ViewsOfAsync(talentId.Value, 200, ct));
        }
    }
}
