using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Import;

/// <summary>
/// How far a background import got (导入进度): state, rows done of the total, what was imported and the rows that were
/// not. Only its uploader and the zone's operators see it; anyone else is told it does not exist.
/// </summary>
public static class GetImportProgress
{
    public sealed record Query(string Id) : IUseCase<ImportProgress>;

    public sealed class Handler(ComplianceRules rules, AppDbContext db) : IUseCaseHandler<Query, ImportProgress>
    {
        public async Task<Result<ImportProgress>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.SignedInAsync(ct);
            if (!actor.Succeeded) return actor.Cast<ImportProgress>();
            var task = await FindAsync(db, actor.Value, query.Id, tracked: false, ct);
            return task is null ? Error.NotFound(ImportErrors.TaskNotFound) : ImportProgress.Of(task);
        }
    }

    /// <summary>The task when this user uploaded it or is an operator; null otherwise (or when there is none).</summary>
    internal static async Task<ImportTask?> FindAsync(AppDbContext db, Common.Actor actor, string? id, bool tracked, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 40) return null;
        var tasks = tracked ? db.ImportTasks : db.ImportTasks.AsNoTracking();
        var task = await tasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        return task is not null && (task.UserId == actor.UserId || actor.IsOperator) ? task : null;
    }
}
