using System.Text;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongjiang.Application.Talent;

/// <summary>
/// Writes the search documents of <see cref="TalentSearchService"/>: the document of a profile in the shared pool (shared
/// and active) is built in the same save as the profile, and removed in the same save when it leaves the pool.
/// </summary>
public static class TalentSearchIndex
{
    public static (string Headline, string Text) Build(TalentProfile p, TaxonomyCatalog catalog)
    {
        var head = new StringBuilder();
        void Add(StringBuilder sb, string? s) { if (!string.IsNullOrWhiteSpace(s)) sb.Append(s.Trim()).Append('\n'); }
        foreach (var t in p.DesiredTitles) Add(head, t);
        foreach (var o in p.Occupations)
        {
            Add(head, catalog.FindOccupation(o.Code)?.Name);
            Add(head, o.Code);
        }
        foreach (var s in p.Skills) Add(head, s);
        foreach (var c in p.Certificates) Add(head, c);
        var text = new StringBuilder(head.ToString());
        Add(text, p.Education.School);
        if (p.Education.MajorCode is { } major)
        {
            Add(text, major);
            Add(text, catalog.MajorsByCode.GetValueOrDefault(major)?.Name);
        }
        Add(text, p.ResumeText);
        return (head.ToString().ToLowerInvariant(), text.ToString().ToLowerInvariant());
    }

    internal static bool InPool(TalentProfile p) => p.SharedWithZone && p.IsActive;

    /// <summary>
    /// Brings every document in step with its profile: builds missing or stale ones of the shared pool and removes those of
    /// profiles that left it. Saves go through <see cref="TalentSearchIndexInterceptor"/>, so this only catches up on rows
    /// written around EF Core (raw SQL, older versions); it runs when the database is brought to the current schema.
    /// </summary>
    public static async Task<int> CatchUpAsync(AppDbContext db, TaxonomyCatalog catalog, CancellationToken ct = default)
    {
        var documents = db.Set<TalentSearchDocument>();
        var total = 0;
        while (true)
        {
            var stale = await db.Talent.AsNoTracking()
                .Where(t => t.SharedWithZone && t.IsActive && !documents.Any(d => d.TalentId == t.Id && d.SourceUpdatedAt == t.UpdatedAt))
                .OrderBy(t => t.Id).Take(1000).ToListAsync(ct);
            if (stale.Count == 0) break;
            var ids = stale.Select(t => t.Id).ToList();
            var existing = await documents.Where(d => ids.Contains(d.TalentId)).ToDictionaryAsync(d => d.TalentId, ct);
            foreach (var profile in stale)
            {
                if (!existing.TryGetValue(profile.Id, out var doc)) documents.Add(doc = new TalentSearchDocument { TalentId = profile.Id });
                Fill(doc, profile, catalog);
            }
            await db.SaveChangesAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries<TalentSearchDocument>().ToList()) entry.State = EntityState.Detached;
            total += stale.Count;
        }
        total += await documents.Where(d => !db.Talent.Any(t => t.Id == d.TalentId && t.SharedWithZone && t.IsActive)).ExecuteDeleteAsync(ct);
        return total;
    }

    internal static void Fill(TalentSearchDocument doc, TalentProfile profile, TaxonomyCatalog catalog)
    {
        var (headline, text) = Build(profile, catalog);
        (doc.Headline, doc.Text, doc.SourceUpdatedAt) = (headline, text, profile.UpdatedAt);
    }
}

/// <summary>
/// Keeps the search document of every profile a save touches in step, inside that same save: whoever writes the profile
/// (editors, API, import, privacy requests, operators) through EF Core, searching only reads.
/// </summary>
internal sealed class TalentSearchIndexInterceptor(TaxonomyCatalog catalog) : SaveChangesInterceptor
{
    public static readonly TalentSearchIndexInterceptor Instance = new(TaxonomyCatalog.Default);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && Touched(db) is { Count: > 0 } touched)
        {
            var ids = StoredIds(touched);
            Apply(db, touched, ids.Count == 0 ? [] : db.Set<TalentSearchDocument>().Where(d => ids.Contains(d.TalentId)).ToList());
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && Touched(db) is { Count: > 0 } touched)
        {
            var ids = StoredIds(touched);
            Apply(db, touched, ids.Count == 0 ? [] : await db.Set<TalentSearchDocument>().Where(d => ids.Contains(d.TalentId)).ToListAsync(cancellationToken));
        }
        return result;
    }

    /// <summary>The profiles added or changed in this save, a change of their occupations or education included.</summary>
    private static List<EntityEntry<TalentProfile>> Touched(AppDbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        var touched = new List<EntityEntry<TalentProfile>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            EntityEntry<TalentProfile>? profile = null;
            if (entry.Entity is TalentProfile)
            {
                if (entry.State != EntityState.Deleted) profile = db.Entry((TalentProfile)entry.Entity);
            }
            else if (entry.Metadata.FindOwnership() is { } ownership && ownership.PrincipalEntityType.ClrType == typeof(TalentProfile)
                     && entry.Property(ownership.Properties[0].Name).CurrentValue is string ownerId)
                profile = db.ChangeTracker.Entries<TalentProfile>().FirstOrDefault(e => e.Entity.Id == ownerId && e.State != EntityState.Deleted);
            if (profile is not null && seen.Add(profile.Entity.Id)) touched.Add(profile);
        }
        return touched;
    }

    /// <summary>Profiles that may already have a stored document (new profiles cannot).</summary>
    private static List<string> StoredIds(List<EntityEntry<TalentProfile>> touched) =>
        touched.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();

    private void Apply(AppDbContext db, List<EntityEntry<TalentProfile>> touched, List<TalentSearchDocument> stored)
    {
        var documents = db.Set<TalentSearchDocument>();
        var byTalent = documents.Local.Where(d => db.Entry(d).State != EntityState.Deleted).ToDictionary(d => d.TalentId, StringComparer.Ordinal);
        foreach (var d in stored) byTalent.TryAdd(d.TalentId, d);
        foreach (var entry in touched)
        {
            var profile = entry.Entity;
            byTalent.TryGetValue(profile.Id, out var doc);
            if (!TalentSearchIndex.InPool(profile))
            {
                if (doc is not null) documents.Remove(doc);
                continue;
            }
            if (doc is null) documents.Add(doc = new TalentSearchDocument { TalentId = profile.Id });
            TalentSearchIndex.Fill(doc, profile, catalog);
        }
    }
}
