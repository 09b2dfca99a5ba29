using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Persistence;

/// <summary>Brings a database to the current schema and reference data: migrations, WAL for SQLite, taxonomy tables.</summary>
public sealed class DatabaseInitializer(AppDbContext db, TaxonomyCatalog catalog, ILogger<DatabaseInitializer> logger)
{
    private const string TaxonomyVersionKey = "taxonomy.version";
    // Bump when the embedded taxonomy files change so existing databases refresh their copy.
    private const string TaxonomyVersion = "2022.1";

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                // WAL lets readers proceed during writes and keeps a crash from leaving a half-written page.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
        await SyncTaxonomyAsync(ct);
        // Contact rows written before encryption at rest (or by an interrupted key rotation) are sealed now.
        if (db.Protector is not null && await new Privacy.KeyRotationService(db).ResealAsync(ct: ct) is > 0 and var sealedRows)
            logger.LogInformation("Sealed {Rows} contact rows with the current key", sealedRows);
        // Search documents of profiles written around EF Core (or before documents were kept at write time).
        if (await Talent.TalentSearchIndex.CatchUpAsync(db, catalog, ct) is > 0 and var documents)
            logger.LogInformation("Brought {Documents} talent search documents in step", documents);
    }

    private async Task SyncTaxonomyAsync(CancellationToken ct)
    {
        var setting = await db.SystemSettings.FindAsync([TaxonomyVersionKey], ct);
        if (setting?.Value == TaxonomyVersion) return;

        logger.LogInformation("Loading the taxonomy (version {Version}) into the database", TaxonomyVersion);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Occupations.ExecuteDeleteAsync(ct);
        await db.SkillStandardItems.ExecuteDeleteAsync(ct);
        await db.Majors.ExecuteDeleteAsync(ct);
        await db.MajorOccupations.ExecuteDeleteAsync(ct);
        await db.Regions.ExecuteDeleteAsync(ct);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Occupations.AddRange(catalog.Occupations.Select(o => new OccupationRow
        {
            Code = o.Code, Level = o.Level, Name = o.Name, ParentCode = o.ParentCode, Definition = o.Definition,
            Tasks = o.Tasks, Aliases = string.Join(',', o.Aliases), IsGreen = o.IsGreen, IsDigital = o.IsDigital,
        }));
        db.SkillStandardItems.AddRange(catalog.SkillItems.Select((s, i) => new SkillStandardRow
        {
            Id = i + 1, OccupationCode = s.OccupationCode, Edition = s.Edition, GradeCode = s.GradeCode, Grade = s.Grade,
            Name = s.Name, WeightPercent = s.WeightPercent, Category = s.Category, SourceDocument = s.SourceDocument,
        }));
        db.Majors.AddRange(catalog.Majors.Select(m => new MajorRow
        {
            Id = m.Id, Code = m.Code, Name = m.Name, Level = m.Level, Category = m.Category, Catalog = m.Catalog,
        }));
        db.MajorOccupations.AddRange(catalog.MajorLinks.Select((l, i) => new MajorOccupationRow
        {
            Id = i + 1, MajorCode = l.MajorCode, MajorLevel = l.MajorLevel, OccupationCode = l.OccupationCode,
        }));
        db.Regions.AddRange(catalog.Regions.Select(r => new RegionRow
        {
            Code = r.Code, Name = r.Name, ParentCode = r.ParentCode, Depth = r.Depth, FullName = r.FullName, Pinyin = r.Pinyin,
        }));
        if (setting is null) db.SystemSettings.Add(new SystemSetting { Key = TaxonomyVersionKey, Value = TaxonomyVersion });
        else setting.Value = TaxonomyVersion;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        db.ChangeTracker.Clear();
        await tx.CommitAsync(ct);
        logger.LogInformation("Taxonomy loaded in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
    }
}
