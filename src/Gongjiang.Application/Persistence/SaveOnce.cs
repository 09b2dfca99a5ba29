using Gongjiang.Application.Common.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Persistence;

public static class SaveOnce
{
    /// <summary>
    /// Saves the use case's changes once. A record someone else saved between our read and our write (its version token
    /// changed) answers <paramref name="changedMeanwhile"/>; a unique index that caught a simultaneous add answers
    /// <paramref name="duplicate"/> when given. Either way nothing is saved and the context forgets the changes.
    /// </summary>
    public static async Task<Result<T>> SaveOnceAsync<T>(this AppDbContext db, T value, Error changedMeanwhile, Error? duplicate, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return value;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return changedMeanwhile;
        }
        catch (DbUpdateException) when (duplicate is not null)
        {
            db.ChangeTracker.Clear();
            return duplicate;
        }
    }
}
