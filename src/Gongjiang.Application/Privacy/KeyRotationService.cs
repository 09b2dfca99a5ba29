using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// Key rotation: a new key becomes current, then every sealed row is re-encrypted with it in batches, each batch in its
/// own transaction. Until the last batch, rows under older keys still open (the ring keeps every key), so the platform
/// stays up; an interrupted rotation resumes where it stopped when run again.
/// </summary>
public sealed class KeyRotationService(AppDbContext db)
{
    public sealed record RotationResult(int NewKeyId, int RowsResealed);

    public async Task<RotationResult> RotateAsync(int batchSize = 500, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var protector = db.Protector ?? throw new InvalidOperationException("The context has no personal-data protector.");
        var keyId = protector.AddKey();
        var total = await ResealAsync(batchSize, progress, ct);
        return new RotationResult(keyId, total);
    }

    /// <summary>Re-encrypts every contact row not yet sealed with the current key (also rows stored in clear), and
    /// recomputes their blind indexes. Returns the number of rows rewritten.</summary>
    public async Task<int> ResealAsync(int batchSize = 500, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var protector = db.Protector ?? throw new InvalidOperationException("The context has no personal-data protector.");
        if (!await db.TalentContacts.AnyAsync(ct)) return 0;
        var like = protector.CurrentPrefix + "%";
        var total = 0;
        while (true)
        {
            var ids = await db.Database.SqlQueryRaw<string>(
                    """
                    SELECT "TalentId" AS "Value" FROM "TalentContacts"
                    WHERE "Name" NOT LIKE {0}
                       OR ("Phone" IS NOT NULL AND "Phone" NOT LIKE {0})
                       OR ("Email" IS NOT NULL AND "Email" NOT LIKE {0})
                       OR ("IdNumber" IS NOT NULL AND "IdNumber" NOT LIKE {0})
                       OR ("Phone" IS NOT NULL AND "PhoneIndex" IS NULL)
                       OR ("IdNumber" IS NOT NULL AND "IdNumberIndex" IS NULL)
                    ORDER BY "TalentId"
                    LIMIT {1}
                    """, like, batchSize)
                .ToListAsync(ct);
            if (ids.Count == 0) return total;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var contacts = await db.TalentContacts.Where(c => ids.Contains(c.TalentId)).ToListAsync(ct);
            foreach (var contact in contacts)
            {
                var entry = db.Entry(contact);
                foreach (var column in PersonalDataModel.ContactColumns) entry.Property(column).IsModified = true;
                PersonalDataModel.UpdateIndexes(entry, protector);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            total += contacts.Count;
            progress?.Report(total);
        }
    }
}
