using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Talent;

namespace Gongjiang.Application.Sharing;

/// <summary>The seeker reads the consents they gave employers, active and revoked, newest first.</summary>
public static class ListConsents
{
    public sealed record Query : IUseCase<IReadOnlyList<ConsentGrantView>>;

    public sealed class Handler(SharingService sharing) : IUseCaseHandler<Query, IReadOnlyList<ConsentGrantView>>
    {
        public async Task<Result<IReadOnlyList<ConsentGrantView>>> HandleAsync(Query query, CancellationToken ct)
        {
            var talentId = await sharing.OwnTalentIdAsync(Error.NotFound(TalentErrors.NoProfile), ct);
            if (!talentId.Succeeded) return talentId.Cast<IReadOnlyList<ConsentGrantView>>();
            return Result<IReadOnlyList<ConsentGrantView>>.Success(await sharing.GrantsForSeekerAsync(talentId.Value, ct));
        }
    }
}
