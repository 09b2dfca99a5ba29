using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>
/// 屏蔽公司: the seeker blocks a company (<see cref="Command.Block"/>) or unblocks it. A blocked company no longer finds
/// this seeker in talent search, 推荐人才 or similar talent, cannot open the résumé and cannot invite (see
/// <see cref="CompanyBlocking"/>). Blocking twice is the same as once.
/// </summary>
public static class BlockCompany
{
    public sealed record Command(string EmployerId, bool Block = true) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, SeekerScope seeker) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<Done>();
            var existing = await db.CompanyBlocks.FirstOrDefaultAsync(b => b.TalentId == talent.Value && b.EmployerId == command.EmployerId, ct);
            if (!command.Block)
            {
                if (existing is not null) db.CompanyBlocks.Remove(existing);
                await db.SaveChangesAsync(ct);
                return Done.Value;
            }
            if (existing is not null) return Done.Value;
            if (!await db.Employers.AnyAsync(e => e.Id == command.EmployerId, ct)) return Error.NotFound(SeekerErrors.EmployerNotFound, command.EmployerId);
            db.CompanyBlocks.Add(new CompanyBlock { TalentId = talent.Value, EmployerId = command.EmployerId, CreatedAt = seeker.Now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // blocked meanwhile by another request: the same outcome
            return Done.Value;
        }
    }
}

/// <summary>The companies the seeker blocked, last blocked first.</summary>
public static class ListBlockedCompanies
{
    public sealed record Query : IUseCase<IReadOnlyList<BlockedCompany>>;

    public sealed record BlockedCompany(string EmployerId, string Name, DateTime BlockedAt);

    public sealed class Handler(AppDbContext db, SeekerScope seeker) : IUseCaseHandler<Query, IReadOnlyList<BlockedCompany>>
    {
        public async Task<Result<IReadOnlyList<BlockedCompany>>> HandleAsync(Query query, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<IReadOnlyList<BlockedCompany>>();
            var rows = await (from b in db.CompanyBlocks.AsNoTracking()
                              join e in db.Employers.AsNoTracking() on b.EmployerId equals e.Id
                              where b.TalentId == talent.Value
                              orderby b.CreatedAt descending
                              select new BlockedCompany(b.EmployerId, e.Name, b.CreatedAt)).ToListAsync(ct);
            return Result<IReadOnlyList<BlockedCompany>>.Success(rows);
        }
    }
}
