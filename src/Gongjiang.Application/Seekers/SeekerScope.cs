using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>The signed-in seeker whose tools these are: their profile id, or Forbidden for anyone else.</summary>
public sealed class SeekerScope(AppDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.FromUtc(Now));

    public async Task<Result<string>> TalentIdAsync(CancellationToken ct)
    {
        if (await currentUser.GetAsync(ct) is not { IsSeeker: true, TalentId: { } id }) return Error.Forbidden(SeekerErrors.NotSeeker);
        return await db.Talent.AnyAsync(t => t.Id == id, ct) ? id : Error.NotFound(Talent.TalentErrors.NoProfile);
    }
}
