using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// Writes and reads the service log. <see cref="Write"/> adds the row to the caller's unit of work, so the record and the
/// change it describes are saved together or not at all.
/// </summary>
public sealed class ServiceLog(AppDbContext db, TimeProvider clock)
{
    public const string SystemActor = "system";

    public ServiceLogEntry Write(string actorUserId, string action, string targetKind, string targetId, string? reason = null)
    {
        var entry = new ServiceLogEntry
        {
            At = clock.GetUtcNow().UtcDateTime, ActorUserId = actorUserId, Action = action, TargetKind = targetKind, TargetId = targetId,
            Reason = reason is { Length: > 2000 } ? reason[..2000] : reason,
        };
        db.ServiceLog.Add(entry);
        return entry;
    }

    public Task<List<ServiceLogEntry>> ForTargetAsync(string targetKind, string targetId, CancellationToken ct = default) =>
        db.ServiceLog.AsNoTracking().Where(e => e.TargetKind == targetKind && e.TargetId == targetId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);

    public Task<List<ServiceLogEntry>> RecentAsync(int count, CancellationToken ct = default) =>
        db.ServiceLog.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Math.Clamp(count, 1, 500)).ToListAsync(ct);

    /// <summary>Why each of these postings was taken down: the reason of its latest takedown.</summary>
    public async Task<Dictionary<string, string?>> TakedownReasonsAsync(IReadOnlyCollection<string> jobIds, CancellationToken ct = default)
    {
        if (jobIds.Count == 0) return [];
        var rows = await db.ServiceLog.AsNoTracking()
            .Where(e => e.Action == ServiceActions.JobTakenDown && e.TargetKind == ServiceTargets.Job && jobIds.Contains(e.TargetId))
            .ToListAsync(ct);
        return rows.GroupBy(e => e.TargetId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).Last().Reason);
    }
}
