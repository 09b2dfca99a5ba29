using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Sharing;

/// <summary>The seeker withdraws a consent; from now on that employer sees the contact data masked again.</summary>
public static class RevokeConsent
{
    public sealed record Command(string GrantId) : IUseCase<ConsentGrantView>;

    public sealed class Handler(AppDbContext db, SharingService sharing) : IUseCaseHandler<Command, ConsentGrantView>
    {
        public async Task<Result<ConsentGrantView>> HandleAsync(Command command, CancellationToken ct)
        {
            var notFound = Error.NotFound(SharingErrors.ConsentNotFound, command.GrantId);
            var talentId = await sharing.OwnTalentIdAsync(notFound, ct);
            if (!talentId.Succeeded) return talentId.Cast<ConsentGrantView>();
            var grant = await sharing.Grants.FirstOrDefaultAsync(g => g.Id == command.GrantId && g.TalentId == talentId.Value, ct);
            if (grant is null) return notFound;
            if (grant.RevokedAt is not null) return Error.Conflict(SharingErrors.AlreadyRevoked);
            grant.RevokedAt = sharing.Now;
            grant.RevokedReason = "seeker";
            await db.SaveChangesAsync(ct);
            return new ConsentGrantView(grant, await sharing.EmployerNameAsync(grant.EmployerId, ct));
        }
    }
}
