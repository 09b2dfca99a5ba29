using System.Data.Common;
using System.Runtime.CompilerServices;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongjiang.Application.Matching;

/// <summary>
/// Keeps <see cref="MatchingIndex"/> in step with the database: whatever saves a job or a profile (editors, API, import,
/// operators' takedowns) hands it over once the save is durable — right after SaveChanges, or at commit when the save
/// ran inside a transaction, and never when that transaction rolls back.
/// </summary>
public sealed class MatchingIndexInterceptor(MatchingIndex index) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public List<EntityEntry>? Saving;
        public readonly List<IndexChange> Uncommitted = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null || !index.IsTracking) return;
        List<EntityEntry>? entries = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // A changed skill list or occupation list (owned JSON) counts as a change of its job or profile.
            var owner = entry.Entity is JobPosting or TalentProfile ? entry : OwnerOf(context, entry);
            if (owner is null) continue;
            (entries ??= []).Add(owner);
        }
        if (entries is not null) _pending.GetOrCreateValue(context).Saving = entries;
    }

    private static EntityEntry? OwnerOf(DbContext context, EntityEntry entry)
    {
        var ownership = entry.Metadata.FindOwnership();
        while (ownership is not null)
        {
            if (ownership.PrincipalEntityType.ClrType != typeof(JobPosting) && ownership.PrincipalEntityType.ClrType != typeof(TalentProfile))
            {
                ownership = ownership.PrincipalEntityType.FindOwnership();
                continue;
            }
            var key = entry.Property(ownership.Properties[0].Name).CurrentValue as string;
            if (key is null) return null;
            return ownership.PrincipalEntityType.ClrType == typeof(JobPosting)
                ? context.ChangeTracker.Entries<JobPosting>().FirstOrDefault(e => e.Entity.Id == key)
                : context.ChangeTracker.Entries<TalentProfile>().FirstOrDefault(e => e.Entity.Id == key);
        }
        return null;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Saving is not { } saving) return;
        pending.Saving = null;
        var changes = new List<IndexChange>(saving.Count);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in saving)
        {
            if (!seen.Add(entry.Entity)) continue;
            var removed = entry.State is EntityState.Detached or EntityState.Deleted;
            changes.Add(entry.Entity switch
            {
                JobPosting j => new IndexChange(true, j.Id, j, null, removed),
                TalentProfile t => new IndexChange(false, t.Id, null, t, removed),
                _ => throw new InvalidOperationException(),
            });
        }
        if (context.Database.CurrentTransaction is null) index.Apply(changes);
        else pending.Uncommitted.AddRange(changes);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending)) pending.Saving = null;
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Uncommitted.Count == 0) return;
        var changes = pending.Uncommitted.ToList();
        pending.Uncommitted.Clear();
        index.Apply(changes);
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending)) pending.Uncommitted.Clear();
    }
}
