using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Import;

/// <summary>
/// Runs background imports: claims a queued <see cref="ImportTask"/> (or one whose worker's lease lapsed), reads its file
/// once, and checks and imports its rows batch by batch (<see cref="ImportOptions.BatchRows"/>), each batch committed whole
/// together with its record (rows done, counts, errors) in one transaction; a cancellation is honoured after the batch
/// being committed. A task resumed after a crash skips the rows recorded, which are exactly the rows committed.
/// </summary>
public sealed class ImportTaskRunner(AppDbContext db, TabularImport tabular, IOptions<ImportOptions> options, TimeProvider clock,
    ILogger<ImportTaskRunner> logger)
{
    /// <summary>At most this many rows not imported are kept with the task (the count covers them all).</summary>
    public const int KeptErrors = 1000;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs at most <paramref name="maxBatches"/> batches of the oldest runnable task; false when there was none.</summary>
    public async Task<bool> RunNextAsync(int maxBatches = int.MaxValue, CancellationToken ct = default)
    {
        var now = Now;
        var id = await db.ImportTasks.AsNoTracking()
            .Where(t => t.State == ImportTaskState.Queued || (t.State == ImportTaskState.Running && t.LeaseUntil < now))
            .OrderBy(t => t.CreatedAt).Select(t => t.Id).FirstOrDefaultAsync(ct);
        if (id is null) return false;
        var lease = now + Lease;
        var claimed = await db.ImportTasks
            .Where(t => t.Id == id && (t.State == ImportTaskState.Queued || (t.State == ImportTaskState.Running && t.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, ImportTaskState.Running).SetProperty(t => t.LeaseUntil, lease), ct);
        if (claimed == 1) await RunAsync(id, maxBatches, ct);
        return true; // taken by another node, or run: either way there may be more
    }

    private async Task RunAsync(string id, int maxBatches, CancellationToken ct)
    {
        var task = await db.ImportTasks.AsNoTracking().SingleAsync(t => t.Id == id, ct);
        if (task.CancelRequested) { await FinishAsync(id, ImportTaskState.Cancelled, null, ct); return; }
        var content = await db.ImportTaskFiles.AsNoTracking().Where(f => f.TaskId == id).Select(f => f.Content).SingleOrDefaultAsync(ct);
        if (content is null) { await FinishAsync(id, ImportTaskState.Failed, "the uploaded file is gone", ct); return; }

        var batchRows = Math.Max(1, options.Value.BatchRows);
        var state = new TabularImport.ReadState();
        var skip = task.RowsDone;
        var batch = new List<CheckedRow>(batchRows);
        var batches = 0;
        await using var stream = new MemoryStream(content, writable: false);
        await foreach (var row in tabular.CheckAsync(task.Kind, stream, task.FileName, task.OwnEmployerId, state, ct))
        {
            if (skip > 0) { skip--; continue; }
            batch.Add(row);
            if (batch.Count < batchRows) continue;
            if (!await CommitAsync(task, batch, ct)) return;
            batch.Clear();
            if (++batches >= maxBatches)
            {
                // Hand the task back to the queue: the next run resumes after the rows recorded.
                await db.ImportTasks.Where(t => t.Id == id && t.State == ImportTaskState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, ImportTaskState.Queued).SetProperty(t => t.LeaseUntil, (DateTime?)null), ct);
                return;
            }
        }
        if (batch.Count > 0 && !await CommitAsync(task, batch, ct)) return;
        if (state.Error is { } error) await FinishAsync(id, ImportTaskState.Failed, ErrorText.EnglishLine([error]), ct);
        else await FinishAsync(id, ImportTaskState.Done, null, ct);
    }

    /// <summary>Imports one batch and records it, in one transaction; false when the task was cancelled meanwhile (it is then ended).</summary>
    private async Task<bool> CommitAsync(ImportTask task, List<CheckedRow> batch, CancellationToken ct)
    {
        var records = batch.Where(r => r.Json is not null).Select(r => (r.Row.Line, r.Json!)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await tabular.ImportAsync(task.Kind, task.FileName, records, ct);
        var errors = batch.Where(r => !r.Row.IsValid).Select(r => (r.Row.Line, $"line {r.Row.Line}: {r.Row.Error}"))
            .Concat(report.Problems.Select(p => (p.Line, $"line {p.Line}: {p.Reason}"))).OrderBy(e => e.Line).Select(e => e.Item2).ToList();

        var fresh = await db.ImportTasks.SingleAsync(t => t.Id == task.Id, ct);
        fresh.RowsDone += batch.Count;
        fresh.Inserted += report.Inserted;
        fresh.Updated += report.Updated;
        var kept = fresh.Skipped;
        fresh.Skipped += errors.Count;
        if (kept < KeptErrors && errors.Count > 0)
            fresh.Errors = string.Join('\n', (fresh.Errors.Length == 0 ? [] : new[] { fresh.Errors }).Concat(errors.Take(KeptErrors - kept)));
        fresh.UpdatedAt = Now;
        fresh.LeaseUntil = Now + Lease;
        var cancelled = fresh.CancelRequested || fresh.State == ImportTaskState.Cancelled;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (cancelled) await FinishAsync(task.Id, ImportTaskState.Cancelled, null, ct);
        return !cancelled;
    }

    private async Task FinishAsync(string id, ImportTaskState state, string? failure, CancellationToken ct)
    {
        var task = await db.ImportTasks.SingleAsync(t => t.Id == id, ct);
        task.State = state;
        task.Failure = failure;
        task.FinishedAt = task.UpdatedAt = Now;
        task.LeaseUntil = null;
        await db.ImportTaskFiles.Where(f => f.TaskId == id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Background import {Task} ({Kind}, {File}) ended {State}: {Done} of {Total} rows, {Inserted} new, {Updated} updated, {Skipped} skipped",
            id, task.Kind, task.FileName, state, task.RowsDone, task.RowsTotal, task.Inserted, task.Updated, task.Skipped);
    }
}

/// <summary>Every poll interval (<c>Import:PollInterval</c>), runs the queued background imports one after another to their end.</summary>
public sealed class ImportTaskWorker(IOptions<ImportOptions> options) : IPeriodicTask
{
    public string Name => "import";
    public TimeSpan FirstRunAfter => TimeSpan.Zero;
    public TimeSpan Interval => options.Value.PollInterval;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await using var scope = services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<ImportTaskRunner>().RunNextAsync(ct: ct)) return;
        }
    }
}
