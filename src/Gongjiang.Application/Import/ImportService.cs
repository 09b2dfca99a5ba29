using System.Globalization;
using Gongjiang.Application.Common.Results;
using CsvHelper;
using CsvHelper.Configuration;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Import;

/// <summary>
/// Bulk import of the file contract (docs/formats.md): upsert by id; every bad row is reported as <c>file:line: reason</c>
/// and skipped; a row is imported whole or not at all. Rows are committed in batches, each batch in one transaction,
/// so a crash keeps the committed batches and leaves no half-written row.
/// </summary>
public sealed class ImportService(AppDbContext db, TaxonomyCatalog catalog, JobRecordMapper jobMapper, TalentRecordMapper talentMapper, TimeProvider clock,
    Core.Compliance.PostingScreener screener, TalentService talent)
{
    private const int BatchSize = 500;

    public async Task<ImportReport> ImportEmployersAsync(TextReader reader, string file, CancellationToken ct = default)
    {
        var report = new ImportReport("employers", file);
        string[] expected = ["id", "name", "uscc", "city", "industry_cluster", "enterprise_type"];
        var rows = new List<(int Line, Employer Employer)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!csv.Read()) { report.Problem(1, "empty file: expected the header " + string.Join(',', expected)); return report; }
        var header = csv.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = expected.Except(header).ToArray();
        if (missing.Length > 0) { report.Problem(1, "missing column(s): " + string.Join(", ", missing)); return report; }
        int Col(string name) => Array.IndexOf(header, name);

        while (csv.Read())
        {
            var line = csv.RawRow;
            var f = csv.Record!;
            if (f.Length == 1 && string.IsNullOrWhiteSpace(f[0])) continue;
            report.Rows++;
            if (f.Length != header.Length) { report.Problem(line, $"expected {header.Length} columns, found {f.Length}"); continue; }
            string V(string name) => f[Col(name)].Trim();
            var id = V("id");
            var error = !EntityId.IsValid(id) ? $"invalid id '{id}'"
                : !seen.Add(id) ? $"duplicate id {id} (first given earlier in this file)"
                : V("name").Length is 0 or > 200 ? "name is required (at most 200 characters)"
                : UnifiedSocialCreditCode.Validate(V("uscc")) is { IsValid: false } uscc ? $"uscc: {uscc.Reason}"
                : catalog.FindRegion(V("city")) is null ? $"unknown city code '{V("city")}'"
                : V("industry_cluster").Length == 0 ? "industry_cluster is required"
                : !EnterpriseTypes.TryParse(V("enterprise_type"), out _) ? $"unknown enterprise_type '{V("enterprise_type")}'"
                : Col("employees") >= 0 && V("employees").Length > 0 && !(int.TryParse(V("employees"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                    ? $"employees must be a positive whole number, got '{V("employees")}'"
                : null;
            if (error is not null) { report.Problem(line, error); continue; }
            var type = EnterpriseTypes.TryParse(V("enterprise_type"), out var parsed) ? parsed : default;
            rows.Add((line, new Employer
            {
                Id = id, Name = V("name"), Uscc = V("uscc").ToUpperInvariant(), CityCode = V("city"),
                IndustryCluster = V("industry_cluster"), EnterpriseType = type,
                Employees = Col("employees") >= 0 && V("employees").Length > 0 ? int.Parse(V("employees"), CultureInfo.InvariantCulture) : null,
            }));
        }

        await UpsertAsync(rows, report, db.Employers, (existing, incoming) =>
        {
            existing.Name = incoming.Name; existing.Uscc = incoming.Uscc; existing.CityCode = incoming.CityCode;
            existing.IndustryCluster = incoming.IndustryCluster; existing.EnterpriseType = incoming.EnterpriseType;
            existing.Employees = incoming.Employees ?? existing.Employees;
            existing.UpdatedAt = Now;
        }, e => { e.CreatedAt = e.UpdatedAt = Now; }, ct);
        return report;
    }

    public Task<ImportReport> ImportJobsAsync(TextReader reader, string file, CancellationToken ct = default) =>
        ImportJobLinesAsync(ReadLinesAsync(reader, ct), file, ct);

    /// <summary>Imports jobs given as (line number, JSON line), e.g. the checked rows of an uploaded sheet.</summary>
    public Task<ImportReport> ImportJobLinesAsync(IEnumerable<(int Line, string Text)> lines, string file, CancellationToken ct = default) =>
        ImportJobLinesAsync(lines.ToAsyncEnumerable(), file, ct);

    private async Task<ImportReport> ImportJobLinesAsync(IAsyncEnumerable<(int Line, string Text)> lines, string file, CancellationToken ct)
    {
        var report = new ImportReport("jobs", file);
        var employerIds = (await db.Employers.AsNoTracking().Select(e => e.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<(int, JobPosting)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (line, text) in lines.WithCancellation(ct))
        {
            report.Rows++;
            var record = InterchangeJson.ParseLine<JobLine>(text, out var parseError);
            if (record is null) { report.Problem(line, parseError!); continue; }
            var mapped = jobMapper.Map(record);
            if (!mapped.Succeeded) { report.Problem(line, ErrorText.EnglishLine(mapped.Errors)); continue; }
            var job = mapped.Value;
            if (!employerIds.Contains(job.EmployerId)) { report.Problem(line, $"unknown employer_id '{job.EmployerId}'"); continue; }
            if (!seen.Add(job.Id)) { report.Problem(line, $"duplicate id {job.Id} (first given earlier in this file)"); continue; }
            if (job.Status == JobStatus.Open && ImportScreening.DraftReason(screener, job) is { } draftReason)
            {
                job.Status = JobStatus.Draft; // imported, but not shown to seekers until it passes screening
                report.Notice(line, draftReason);
            }
            rows.Add((line, job));
        }
        await UpsertAsync(rows, report, db.Jobs, (existing, incoming) =>
        {
            incoming.CreatedAt = existing.CreatedAt; // an update keeps when the posting was first recorded
            db.Entry(existing).CurrentValues.SetValues(incoming);
            // What the poster confirmed or refused of the skills' readings stays (the file carries no decisions).
            Skills.SkillReadings.ApplyTo(incoming, existing.Skills.Select(Skills.SkillChoice.Of).OfType<Skills.SkillChoice>().ToList());
            existing.Skills = incoming.Skills;
            existing.RequiredCertificates = incoming.RequiredCertificates;
            existing.UpdatedAt = Now;
        }, j => { j.CreatedAt = j.UpdatedAt = Now; }, ct);
        return report;
    }

    public Task<ImportReport> ImportTalentAsync(TextReader reader, string file, CancellationToken ct = default) =>
        ImportTalentLinesAsync(ReadLinesAsync(reader, ct), file, ct);

    /// <summary>Imports résumés given as (line number, JSON line), e.g. the checked rows of an uploaded sheet.</summary>
    public Task<ImportReport> ImportTalentLinesAsync(IEnumerable<(int Line, string Text)> lines, string file, CancellationToken ct = default) =>
        ImportTalentLinesAsync(lines.ToAsyncEnumerable(), file, ct);

    private async Task<ImportReport> ImportTalentLinesAsync(IAsyncEnumerable<(int Line, string Text)> lines, string file, CancellationToken ct)
    {
        var report = new ImportReport("talent", file);
        var rows = new List<(int, TalentRecord)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var phones = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var (line, text) in lines.WithCancellation(ct))
        {
            report.Rows++;
            var record = InterchangeJson.ParseLine<TalentLine>(text, out var parseError);
            if (record is null) { report.Problem(line, parseError!); continue; }
            var mapped = talentMapper.Map(record);
            if (!mapped.Succeeded) { report.Problem(line, ErrorText.EnglishLine(mapped.Errors)); continue; }
            if (!seen.Add(mapped.Value.Profile.Id)) { report.Problem(line, $"duplicate id {mapped.Value.Profile.Id} (first given earlier in this file)"); continue; }
            // A phone number belongs to one profile (a unique index): a second holder in the file is refused here, clearly.
            if (PersonalDataProtector.NormalizePhone(mapped.Value.Contact.Phone) is { } phone && !phones.TryAdd(phone, line))
            {
                report.Problem(line, $"duplicate phone (first given on line {phones[phone]})");
                continue;
            }
            rows.Add((line, mapped.Value));
        }
        // …and so is a number another profile on record holds.
        var owners = await talent.FindTalentIdsByIdentityAsync(rows.Select(r => r.Item2.Contact.Phone), [], ct);
        rows.RemoveAll(r =>
        {
            if (owners.Find(r.Item2.Contact.Phone, null) is not { } holder || holder == r.Item2.Profile.Id) return false;
            report.Problem(r.Item1, $"phone already on record for talent {holder}");
            return true;
        });

        foreach (var batch in rows.Chunk(BatchSize))
        {
            await CommitBatchAsync(batch, report, async (items, ct2) =>
            {
                var ids = items.Select(i => i.Item2.Profile.Id).ToList();
                var existing = await db.Talent.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct2);
                var contacts = await db.TalentContacts.Where(c => ids.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, ct2);
                var (inserted, updated) = (0, 0);
                foreach (var (_, (profile, contact, registeredGiven, lastActiveGiven)) in items)
                {
                    if (existing.TryGetValue(profile.Id, out var current))
                    {
                        profile.CreatedAt = current.CreatedAt;
                        if (!registeredGiven) profile.RegisteredAt = current.RegisteredAt;
                        if (!lastActiveGiven) profile.LastActiveAt = current.LastActiveAt < profile.RegisteredAt ? profile.RegisteredAt : current.LastActiveAt;
                        profile.SharedWithZone = current.SharedWithZone;
                        db.Entry(current).CurrentValues.SetValues(profile);
                        current.Education = profile.Education; current.Occupations = profile.Occupations;
                        current.WillingCities = profile.WillingCities; current.Skills = profile.Skills;
                        // What the seeker confirmed or refused of the skills' readings stays (the file carries no decisions).
                        Skills.SkillReadings.ApplyTo(catalog, current, current.SkillChoices.Select(Skills.SkillChoice.Of).OfType<Skills.SkillChoice>().ToList());
                        current.Certificates = profile.Certificates; current.DesiredTitles = profile.DesiredTitles;
                        current.UpdatedAt = Now;
                        if (contacts.TryGetValue(profile.Id, out var currentContact)) db.Entry(currentContact).CurrentValues.SetValues(contact);
                        else db.TalentContacts.Add(contact);
                        updated++;
                    }
                    else
                    {
                        profile.CreatedAt = profile.UpdatedAt = Now;
                        db.Talent.Add(profile);
                        db.TalentContacts.Add(contact);
                        inserted++;
                    }
                }
                return (inserted, updated);
            }, ct);
        }
        return report;
    }

    public async Task<ImportReport> ImportOutcomesAsync(TextReader reader, string file, CancellationToken ct = default)
    {
        var report = new ImportReport("outcomes", file);
        string[] expected = ["job_id", "talent_id", "stage", "at"];
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!csv.Read()) { report.Problem(1, "empty file: expected the header " + string.Join(',', expected)); return report; }
        var header = csv.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = expected.Except(header).ToArray();
        if (missing.Length > 0) { report.Problem(1, "missing column(s): " + string.Join(", ", missing)); return report; }
        var jobIds = (await db.Jobs.AsNoTracking().Select(j => j.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var talentIds = (await db.Talent.AsNoTracking().Select(t => t.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<(int, Outcome)>();
        var seen = new HashSet<(string, string, OutcomeStage, DateTime)>();
        while (csv.Read())
        {
            var line = csv.RawRow;
            var f = csv.Record!;
            if (f.Length == 1 && string.IsNullOrWhiteSpace(f[0])) continue;
            report.Rows++;
            if (f.Length != header.Length) { report.Problem(line, $"expected {header.Length} columns, found {f.Length}"); continue; }
            string V(string name) => f[Array.IndexOf(header, name)].Trim();
            if (!jobIds.Contains(V("job_id"))) { report.Problem(line, $"unknown job_id '{V("job_id")}'"); continue; }
            if (!talentIds.Contains(V("talent_id"))) { report.Problem(line, $"unknown talent_id '{V("talent_id")}'"); continue; }
            if (!OutcomeStages.TryParse(V("stage"), out var stage)) { report.Problem(line, $"unknown stage '{V("stage")}'"); continue; }
            if (!DateTimeOffset.TryParse(V("at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            { report.Problem(line, $"'at' is not an ISO-8601 time: '{V("at")}'"); continue; }
            var outcome = new Outcome { JobId = V("job_id"), TalentId = V("talent_id"), Stage = stage, At = at.UtcDateTime };
            if (!seen.Add((outcome.JobId, outcome.TalentId, stage, outcome.At))) { report.Problem(line, "duplicate outcome (same job, talent, stage and time earlier in this file)"); continue; }
            rows.Add((line, outcome));
        }
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await CommitBatchAsync(batch, report, async (items, ct2) =>
            {
                var jobs = items.Select(i => i.Item2.JobId).Distinct().ToList();
                var existing = (await db.Outcomes.AsNoTracking().Where(o => jobs.Contains(o.JobId))
                    .Select(o => new { o.JobId, o.TalentId, o.Stage, o.At }).ToListAsync(ct2))
                    .Select(o => (o.JobId, o.TalentId, o.Stage, o.At)).ToHashSet();
                var inserted = 0;
                foreach (var (_, o) in items)
                {
                    if (existing.Contains((o.JobId, o.TalentId, o.Stage, o.At))) continue; // already recorded: idempotent
                    db.Outcomes.Add(o);
                    inserted++;
                }
                return (inserted, items.Length - inserted);
            }, ct);
        }
        return report;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task UpsertAsync<T>(List<(int Line, T Entity)> rows, ImportReport report, DbSet<T> set,
        Action<T, T> update, Action<T> onInsert, CancellationToken ct) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0];
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await CommitBatchAsync(batch, report, async (items, ct2) =>
            {
                var ids = items.Select(i => (string)key.PropertyInfo!.GetValue(i.Row)!).ToList();
                var existing = await set.Where(e => ids.Contains(EF.Property<string>(e, key.Name))).ToListAsync(ct2);
                var byId = existing.ToDictionary(e => (string)key.PropertyInfo!.GetValue(e)!, StringComparer.Ordinal);
                var (inserted, updated) = (0, 0);
                foreach (var (_, entity) in items)
                {
                    if (byId.TryGetValue((string)key.PropertyInfo!.GetValue(entity)!, out var current)) { update(current, entity); updated++; }
                    else { onInsert(entity); set.Add(entity); inserted++; }
                }
                return (inserted, updated);
            }, ct);
        }
    }

    /// <summary>
    /// Saves one batch in one transaction. When the database refuses the batch, it is rolled back and retried row by
    /// row, so one bad row costs only itself and is reported.
    /// </summary>
    /// <summary>
    /// Commits one batch whole, or else row by row so that one bad row does not lose the others. Inside a transaction the
    /// caller opened (a background import records its progress in the same one), a savepoint stands in for the batch's
    /// own transaction, so the batch and the record of it are committed together or not at all.
    /// </summary>
    private async Task CommitBatchAsync<TRow>((int Line, TRow Row)[] batch, ImportReport report,
        Func<(int Line, TRow Row)[], CancellationToken, Task<(int Inserted, int Updated)>> apply, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        const string savepoint = "import_batch";
        try
        {
            await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
            if (outer is not null) await outer.CreateSavepointAsync(savepoint, ct);
            var (inserted, updated) = await apply(batch, ct);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            else await outer!.ReleaseSavepointAsync(savepoint, ct);
            report.Inserted += inserted;
            report.Updated += updated;
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (outer is not null) await outer.RollbackToSavepointAsync(savepoint, ct);
            if (batch.Length > 1)
                foreach (var row in batch) await CommitBatchAsync([row], report, apply, ct);
            else
                report.Problem(batch[0].Line, "rejected by the database: " + (e.InnerException?.Message ?? e.Message).Split('\n')[0]);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static async IAsyncEnumerable<(int Line, string Text)> ReadLinesAsync(TextReader reader,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return (number, number == 1 ? text.TrimStart('\uFEFF') : text);
        }
    }
}
