using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Privacy;

/// <summary>The user reads the consents to the processing rules they gave (同意记录), oldest first.</summary>
public static class ListPrivacyConsents
{
    public sealed record Query : IUseCase<IReadOnlyList<PrivacyConsent>>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser) : IUseCaseHandler<Query, IReadOnlyList<PrivacyConsent>>
    {
        public async Task<Result<IReadOnlyList<PrivacyConsent>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { } actor) return Result<IReadOnlyList<PrivacyConsent>>.Success([]);
            return await db.PrivacyConsents.AsNoTracking().Where(c => c.UserId == actor.UserId).OrderBy(c => c.AgreedAt).ToListAsync(ct);
        }
    }
}
