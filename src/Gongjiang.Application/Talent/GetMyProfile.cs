using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Talent;

/// <summary>The seeker reads their own profile in full, with their contact data.</summary>
public static class GetMyProfile
{
    public sealed record Query : IUseCase<TalentRecord>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser) : IUseCaseHandler<Query, TalentRecord>
    {
        public async Task<Result<TalentRecord>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await currentUser.GetAsync(ct);
            if (actor?.TalentId is not { } id || await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } profile)
                return Error.NotFound(TalentErrors.NoProfile);
            var contact = await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == id, ct);
            return new TalentRecord(profile, contact ?? new Core.Talent.TalentContact { TalentId = id });
        }
    }
}
