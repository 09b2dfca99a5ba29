using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>
/// Where a company's block takes effect: every way an employer reaches a résumé asks here (opening it through the
/// sharing rules, talent search, 推荐人才, similar talent, invitations, contact requests).
/// </summary>
public static class CompanyBlocking
{
    public static Task<bool> IsBlockedAsync(this AppDbContext db, string talentId, string employerId, CancellationToken ct = default) =>
        db.CompanyBlocks.AsNoTracking().AnyAsync(b => b.TalentId == talentId && b.EmployerId == employerId, ct);

    /// <summary>The seekers who blocked this employer (few: blocking is a seeker's exception).</summary>
    public static async Task<IReadOnlySet<string>> TalentBlockingAsync(this AppDbContext db, string? employerId, CancellationToken ct = default) =>
        employerId is null ? new HashSet<string>()
            : (await db.CompanyBlocks.AsNoTracking().Where(b => b.EmployerId == employerId).Select(b => b.TalentId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The jobs a seeker never wants recommended: those marked 不感兴趣 and those of companies they blocked.</summary>
    public static async Task<IReadOnlySet<string>> HiddenJobIdsAsync(this AppDbContext db, string talentId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(talentId)) return new HashSet<string>();
        var notInterested = db.JobMarks.Where(m => m.TalentId == talentId && m.Kind == Core.Talent.JobMarkKind.NotInterested).Select(m => m.JobId);
        var ofBlocked = db.Jobs.Where(j => db.CompanyBlocks.Any(b => b.TalentId == talentId && b.EmployerId == j.EmployerId)).Select(j => j.Id);
        return (await notInterested.Union(ofBlocked).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }
}
