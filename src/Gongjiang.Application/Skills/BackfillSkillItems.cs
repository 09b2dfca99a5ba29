using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Skills;

/// <summary>
/// Gives postings and profiles saved before written skills were read the standard skill items they stand for: every
/// skill not confirmed or refused by its writer is read again for its posting's occupation and grade, and every
/// profile's items are worked out again from its skills, occupations and the seeker's decisions. Decisions are never
/// touched. Running it again changes nothing (idempotent). Operators only (the command line acts as one).
/// </summary>
public static class BackfillSkillItems
{
    public sealed record Command : IUseCase<Backfilled>;

    /// <param name="PostingsChecked">Postings looked at.</param>
    /// <param name="PostingsUpdated">Postings whose skills got (other) items.</param>
    /// <param name="ProfilesChecked">Profiles looked at.</param>
    /// <param name="ProfilesUpdated">Profiles whose items changed.</param>
    public sealed record Backfilled(int PostingsChecked, int PostingsUpdated, int ProfilesChecked, int ProfilesUpdated);

    /// <summary>Records loaded and saved at a time.</summary>
    public const int BatchSize = 500;

    public sealed class Handler(AppDbContext db, ComplianceRules rules, TaxonomyCatalog catalog) : IUseCaseHandler<Command, Backfilled>
    {
        public async Task<Result<Backfilled>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Backfilled>();

            int postingsChecked = 0, postingsUpdated = 0;
            for (var after = ""; ;)
            {
#pragma warning disable CA1309 // translated to SQL: the database compares the ids, ordinally by its collation
                var batch = await db.Jobs.Where(j => string.Compare(j.Id, after) > 0).OrderBy(j => j.Id).Take(BatchSize).ToListAsync(ct);
#pragma warning restore CA1309
                if (batch.Count == 0) break;
                foreach (var job in batch)
                {
                    postingsChecked++;
                    if (SkillReadings.ReadSkillsOf(catalog, job)) postingsUpdated++;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                after = batch[^1].Id;
            }

            int profilesChecked = 0, profilesUpdated = 0;
            for (var after = ""; ;)
            {
#pragma warning disable CA1309 // translated to SQL: the database compares the ids, ordinally by its collation
                var batch = await db.Talent.Where(t => string.Compare(t.Id, after) > 0).OrderBy(t => t.Id).Take(BatchSize).ToListAsync(ct);
#pragma warning restore CA1309
                if (batch.Count == 0) break;
                foreach (var profile in batch)
                {
                    profilesChecked++;
                    if (SkillReadings.ReadSkillsOf(catalog, profile)) profilesUpdated++;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                after = batch[^1].Id;
            }
            return new Backfilled(postingsChecked, postingsUpdated, profilesChecked, profilesUpdated);
        }
    }
}
