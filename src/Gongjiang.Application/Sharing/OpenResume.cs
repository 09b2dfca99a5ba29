using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;

namespace Gongjiang.Application.Sharing;

/// <summary>
/// Someone opens a résumé: its owner in full; an employer when the seeker shares with the zone or applied to it, with
/// contact data only for the kinds the seeker consented to; an operator masked. Every view by someone other than the
/// owner is logged for the owner to see (one row, never skipped). Anyone else finds nothing, as for a missing profile.
/// </summary>
public static class OpenResume
{
    /// <param name="Channel">page or api, as the view log shows it.</param>
    /// <param name="Similar">How many similar shared profiles (相似人才) to add; none by default.</param>
    public sealed record Query(string TalentId, string Channel, string? Purpose = null, int Similar = 0) : IUseCase<Opened>;

    public sealed record Opened(ResumeAccess Access, IReadOnlyList<TalentCard> Similar)
    {
        public bool ByOwner => Access.Basis == AccessBasis.Owner;
    }

    public sealed class Handler(AppDbContext db, SharingService sharing, TalentSearchService search) : IUseCaseHandler<Query, Opened>
    {
        public async Task<Result<Opened>> HandleAsync(Query query, CancellationToken ct)
        {
            var viewer = await sharing.ViewerAsync(ct);
            var access = viewer is null ? null : await sharing.AccessAsync(viewer, query.TalentId, ct);
            if (access is null) return Error.NotFound(SharingErrors.TalentNotFound, query.TalentId);
            if (access.Basis != AccessBasis.Owner)
            {
                sharing.LogView(viewer!, access, query.Channel, query.Purpose);
                await db.SaveChangesAsync(ct);
            }
            IReadOnlyList<TalentCard> similar = [];
            if (query.Similar > 0)
            {
                var found = await search.SimilarAsync(access.Profile, query.Similar, viewer!.EmployerId, ct);
                similar = await search.CardsAsync(found.Select(s => (s.Profile, (double)s.Score)), ct);
            }
            return new Opened(access, similar);
        }
    }
}
