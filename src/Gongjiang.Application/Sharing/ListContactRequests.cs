using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Talent;

namespace Gongjiang.Application.Sharing;

/// <summary>The seeker reads employers' requests for their contact data, newest first: pending ones, or all of them.</summary>
public static class ListContactRequests
{
    public sealed record Query(bool All = false) : IUseCase<IReadOnlyList<ContactRequestView>>;

    public sealed class Handler(SharingService sharing) : IUseCaseHandler<Query, IReadOnlyList<ContactRequestView>>
    {
        public async Task<Result<IReadOnlyList<ContactRequestView>>> HandleAsync(Query query, CancellationToken ct)
        {
            var talentId = await sharing.OwnTalentIdAsync(Error.NotFound(TalentErrors.NoProfile), ct);
            if (!talentId.Succeeded) return talentId.Cast<IReadOnlyList<ContactRequestView>>();
            return Result<IReadOnlyList<ContactRequestView>>.Success(await sharing.RequestsForSeekerAsync(talentId.Value, pendingOnly: !query.All, ct));
        }
    }
}
