using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Import;

/// <summary>
/// Cancels a background import (取消导入): a queued one ends at once; a running one stops after the batch it is
/// committing, so what was imported stays imported, batch by batch. Only its uploader and the zone's operators may.
/// </summary>
public static class CancelImport
{
    public sealed record Command(string Id) : IUseCase<ImportProgress>;

    public sealed class Handler(ComplianceRules rules, AppDbContext db, TimeProvider clock) : IUseCaseHandler<Command, ImportProgress>
    {
        public async Task<Result<ImportProgress>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await rules.SignedInAsync(ct);
            if (!actor.Succeeded) return actor.Cast<ImportProgress>();
            var task = await GetImportProgress.FindAsync(db, actor.Value, command.Id, tracked: true, ct);
            if (task is null) return Error.NotFound(ImportErrors.TaskNotFound);
            if (task.IsFinished) return Error.Conflict(ImportErrors.TaskFinished);
            var now = clock.GetUtcNow().UtcDateTime;
            task.CancelRequested = true;
            task.UpdatedAt = now;
            if (task.State == ImportTaskState.Queued)
            {
                task.State = ImportTaskState.Cancelled;
                task.FinishedAt = now;
                await db.ImportTaskFiles.Where(f => f.TaskId == task.Id).ExecuteDeleteAsync(ct);
            }
            await db.SaveChangesAsync(ct);
            return ImportProgress.Of(task);
        }
    }
}
