using Gongjiang.Application.Common.Results;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Import;

/// <summary>One row of an uploaded sheet as the preview shows it: what it is, and why it cannot be imported (null when it can).</summary>
public sealed record PreviewRow(int Line, string Id, string Summary, string? Error, string? Note)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// A checked upload, before anything is saved: how many rows it has, how many can be imported, the rows shown (the first
/// <see cref="TabularImport.ShownRows"/> rows and the first <see cref="TabularImport.ShownErrors"/> rows with an error, so a
/// 10 MB file does not become a page of 200,000 rows), and, when asked for, the rows that will be imported in the
/// contract's JSON-lines form at their original line numbers (so the import reports the same `line N`).
/// </summary>
public sealed record ImportPreview(string Kind, string File, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<(int Line, string Json)> ValidRecords,
    Error? FileError = null)
{
    public int Total { get; init; }
    public int Valid { get; init; }
    public int Invalid => Total - Valid;
    /// <summary>True when some rows are not shown (<see cref="Rows"/> is the beginning and the first errors).</summary>
    public bool Truncated => Rows.Count < Total;
}

/// <summary>One checked row of an upload: how the preview shows it and, when valid, its record as a contract JSON line.</summary>
public sealed record CheckedRow(PreviewRow Row, string? Json);

/// <summary>
/// Bulk import of jobs and résumés from CSV or XLSX (the same columns; list cells separated by ';'). Each row is turned into
/// the file contract's record (<see cref="JobLine"/>, <see cref="TalentLine"/>) and checked by the same mappers as the
/// command line; the confirmed rows then go through <see cref="ImportService"/>, batch by batch in transactions.
/// Résumés are de-duplicated by phone or ID number: a row matching an existing seeker updates that seeker.
/// Rows are read, checked and passed on one by one (<see cref="CheckAsync"/>): time is linear in the file and memory holds
/// one chunk of rows, the ids seen so far (for duplicates) and what the preview shows.
/// </summary>
public sealed class TabularImport(AppDbContext db, JobRecordMapper jobMapper, TalentRecordMapper talentMapper, TalentService talent,
    ImportService import, TimeProvider clock)
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    /// <summary>
    /// At most this many rows a file: a 10 MB CSV holds about 200,000 short rows, while a compressed XLSX of the same size
    /// could hold millions; the cap keeps the time of a preview bounded whatever the format.
    /// </summary>
    public const int MaxRows = 250_000;
    /// <summary>The preview shows this many first rows …</summary>
    public const int ShownRows = 100;
    /// <summary>… and this many first rows with an error.</summary>
    public const int ShownErrors = 200;
    /// <summary>Rows checked together (one look-up of the phones and ID numbers they hold).</summary>
    private const int CheckChunk = 1000;

    public static readonly IReadOnlyList<string> JobColumns =
    [
        "id", "employer_id", "title", "occupation_code", "min_grade", "skills", "required_certificates", "education_min", "experience_min_years",
        "city", "salary_min", "salary_max", "headcount", "posted_at", "expires_at", "description", "status",
    ];

    public static readonly IReadOnlyList<string> TalentColumns =
    [
        "id", "name", "phone", "email", "id_number", "gender", "birth_year", "city", "willing_cities", "education_level", "major_code", "school",
        "graduation_year", "occupations", "skills", "certificates", "experience_years", "expected_salary_min", "expected_salary_max", "desired_titles", "resume_text",
    ];

    /// <summary>Where reading the file failed, if it did (set while its rows are enumerated).</summary>
    public sealed class ReadState
    {
        public Error? Error { get; internal set; }
    }

    /// <summary>Checks an upload of jobs. With <paramref name="ownEmployerId"/> (an employer's own upload) every job is that employer's.</summary>
    public Task<ImportPreview> PreviewJobsAsync(Stream content, string fileName, string? ownEmployerId, CancellationToken ct = default) =>
        PreviewAsync("jobs", content, fileName, ownEmployerId, keepValid: true, ct);

    /// <summary>Checks an upload of résumés; a row whose phone or ID number belongs to an existing seeker will update that seeker.</summary>
    public Task<ImportPreview> PreviewTalentAsync(Stream content, string fileName, CancellationToken ct = default) =>
        PreviewAsync("talent", content, fileName, null, keepValid: true, ct);

    /// <summary>
    /// Checks every row of an upload and sums it up; with <paramref name="keepValid"/> the valid records are kept for
    /// <see cref="ImportAsync(ImportPreview, CancellationToken)"/> (small files), without it memory does not grow with the file.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(string kind, Stream content, string fileName, string? ownEmployerId, bool keepValid, CancellationToken ct = default)
    {
        var shown = new List<PreviewRow>();
        var kept = new List<(int, string)>();
        var (total, valid, shownErrors) = (0, 0, 0);
        var state = new ReadState();
        await foreach (var row in CheckAsync(kind, content, fileName, ownEmployerId, state, ct))
        {
            total++;
            if (row.Json is not null)
            {
                valid++;
                if (keepValid) kept.Add((row.Row.Line, row.Json));
            }
            if (total > ShownRows && (row.Row.IsValid || shownErrors >= ShownErrors)) continue;
            shown.Add(row.Row);
            if (!row.Row.IsValid) shownErrors++;
        }
        if (state.Error is not null) return new ImportPreview(kind, fileName, [], [], state.Error);
        return new ImportPreview(kind, fileName, shown, kept) { Total = total, Valid = valid };
    }

    /// <summary>
    /// Every row of the upload, checked, in file order (blank rows skipped). A file that cannot be read (or is empty) ends
    /// the rows and leaves its error in <paramref name="state"/>.
    /// </summary>
    public async IAsyncEnumerable<CheckedRow> CheckAsync(string kind, Stream content, string fileName, string? ownEmployerId, ReadState state,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = Read(content, fileName, state);
        if (kind == "jobs")
        {
            var employers = (await db.Employers.AsNoTracking().Select(e => e.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var otherJobs = ownEmployerId is null ? null
                : (await db.Jobs.AsNoTracking().Where(j => j.EmployerId != ownEmployerId).Select(j => j.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (line, cells) in rows)
            {
                ct.ThrowIfCancellationRequested();
                yield return CheckJob(line, cells, ownEmployerId, employers, otherJobs, seen);
            }
        }
        else
        {
            var seenIds = new HashSet<string>(StringComparer.Ordinal);
            var seenIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var chunk in rows.Chunk(CheckChunk))
            {
                // Who already holds the chunk's phones and ID numbers: looked up for many rows at once, not row by row.
                var owners = await talent.FindTalentIdsByIdentityAsync(
                    chunk.Select(r => Cell(r.Cells, "phone")), chunk.Select(r => Cell(r.Cells, "id_number")), ct);
                foreach (var (line, cells) in chunk) yield return CheckTalent(line, cells, owners, seenIds, seenIdentity);
            }
        }
    }

    private CheckedRow CheckJob(int line, Dictionary<string, string?> cells, string? ownEmployerId, HashSet<string> employers, HashSet<string>? otherJobs,
        HashSet<string> seen)
    {
        var errors = new List<string>();
        var employer = Cell(cells, "employer_id");
        if (ownEmployerId is not null)
        {
            if (employer is not null && employer != ownEmployerId) errors.Add("employer_id: must be your own employer or empty");
            employer = ownEmployerId;
        }
        var record = new JobLine
        {
            Id = Cell(cells, "id") ?? EntityId.New('J', clock), EmployerId = employer, Title = Cell(cells, "title"), OccupationCode = Cell(cells, "occupation_code"),
            MinGrade = Int(cells, "min_grade", errors),
            Skills = List(cells, "skills").Select(s => ParseSkill(s, errors)).ToList(),
            RequiredCertificates = List(cells, "required_certificates"), EducationMin = Cell(cells, "education_min"),
            ExperienceMinYears = Number(cells, "experience_min_years", errors), City = Cell(cells, "city"),
            Salary = new SalaryLine { Min = Int(cells, "salary_min", errors), Max = Int(cells, "salary_max", errors) },
            Headcount = Int(cells, "headcount", errors), PostedAt = Cell(cells, "posted_at"), ExpiresAt = Cell(cells, "expires_at"),
            Description = Cell(cells, "description"), Status = Cell(cells, "status"),
        };
        if (errors.Count == 0)
        {
            var mapped = jobMapper.Map(record);
            if (!mapped.Succeeded) errors.Add(ErrorText.EnglishLine(mapped.Errors));
            else if (!employers.Contains(record.EmployerId!)) errors.Add($"unknown employer_id '{record.EmployerId}'");
            else if (otherJobs is not null && otherJobs.Contains(record.Id!)) errors.Add($"id {record.Id} belongs to another employer's job");
            else if (!seen.Add(record.Id!)) errors.Add($"duplicate id {record.Id} (first given earlier in this file)");
        }
        var error = errors.Count == 0 ? null : string.Join("; ", errors);
        return new CheckedRow(new PreviewRow(line, record.Id ?? "", $"{record.Title} · {record.City}", error, null),
            error is null ? JsonSerializer.Serialize(record, InterchangeJson.Options) : null);
    }

    private CheckedRow CheckTalent(int line, Dictionary<string, string?> cells, IdentityOwners owners, HashSet<string> seenIds,
        Dictionary<string, int> seenIdentity)
    {
        var errors = new List<string>();
        string? note = null;
        var record = new TalentLine
        {
            Id = Cell(cells, "id"), Name = Cell(cells, "name"), Phone = Cell(cells, "phone"), Email = Cell(cells, "email"), IdNumber = Cell(cells, "id_number"),
            Gender = Cell(cells, "gender"), BirthYear = Int(cells, "birth_year", errors), City = Cell(cells, "city"), WillingCities = List(cells, "willing_cities"),
            Education = new EducationLine
            {
                Level = Cell(cells, "education_level"), MajorCode = Cell(cells, "major_code"), School = Cell(cells, "school"),
                GraduationYear = Int(cells, "graduation_year", errors),
            },
            Occupations = List(cells, "occupations").Select(o => ParseOccupation(o, errors)).ToList(),
            Skills = List(cells, "skills"), Certificates = List(cells, "certificates"), ExperienceYears = Number(cells, "experience_years", errors),
            ExpectedSalary = new SalaryLine { Min = Int(cells, "expected_salary_min", errors), Max = Int(cells, "expected_salary_max", errors) },
            DesiredTitles = List(cells, "desired_titles"), ResumeText = Cell(cells, "resume_text"),
        };
        foreach (var key in new[] { record.Phone, record.IdNumber }.Where(k => k is not null))
            if (seenIdentity.TryGetValue(key!, out var first)) { errors.Add($"duplicate phone or id_number (first given on line {first})"); break; }
        if (errors.Count == 0)
        {
            if (owners.Find(record.Phone, record.IdNumber) is { } existing && existing != record.Id)
            {
                note = $"与已有人才 {existing} 的手机号或身份证号相同，将更新该人才。";
                record = record with { Id = existing };
            }
            record = record with { Id = record.Id ?? EntityId.New('T', clock) };
            var mapped = talentMapper.Map(record);
            if (!mapped.Succeeded) errors.Add(ErrorText.EnglishLine(mapped.Errors));
            else if (!seenIds.Add(record.Id!)) errors.Add($"duplicate id {record.Id} (first given earlier in this file)");
        }
        var error = errors.Count == 0 ? null : string.Join("; ", errors);
        string? json = null;
        if (error is null)
        {
            foreach (var key in new[] { record.Phone, record.IdNumber }.Where(k => k is not null)) seenIdentity.TryAdd(key!, line);
            json = JsonSerializer.Serialize(record, InterchangeJson.Options);
        }
        return new CheckedRow(new PreviewRow(line, record.Id ?? "", $"{record.Name} · {record.City}", error, note), json);
    }

    /// <summary>Imports the rows the preview kept, through the command line's import (batches in transactions).</summary>
    public Task<ImportReport> ImportAsync(ImportPreview preview, CancellationToken ct = default) =>
        ImportAsync(preview.Kind, preview.File, preview.ValidRecords, ct);

    /// <summary>Imports checked records (line, contract JSON) through the command line's import, batch by batch in transactions.</summary>
    public Task<ImportReport> ImportAsync(string kind, string file, IEnumerable<(int Line, string Json)> records, CancellationToken ct = default) => kind switch
    {
        "jobs" => import.ImportJobLinesAsync(records, file, ct),
        "talent" => import.ImportTalentLinesAsync(records, file, ct),
        _ => throw new ArgumentException($"unknown import kind {kind}"),
    };

    /// <summary>The rows of the sheet, read as they are enumerated; a reading error ends them and is kept in <paramref name="state"/>.</summary>
    private static IEnumerable<(int Line, Dictionary<string, string?> Cells)> Read(Stream content, string fileName, ReadState state)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            state.Error = Error.Invalid("file", ImportErrors.UnsupportedFile);
            yield break;
        }
        using var rows = (extension == ".csv" ? ReadCsv(content, state) : ReadXlsx(content)).GetEnumerator();
        for (var count = 0; ; count++)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception e) when (e is CsvHelperException or InvalidDataException or IOException or FormatException or InvalidOperationException
                                      or System.Xml.XmlException or ArgumentException)
            {
                state.Error = Error.Invalid("file", ImportErrors.UnreadableFile, e.Message.Split('\n')[0]);
                yield break;
            }
            if (count == MaxRows)
            {
                state.Error = Error.Invalid("file", ImportErrors.TooManyRows, MaxRows);
                yield break;
            }
            yield return rows.Current;
        }
    }

    private static IEnumerable<(int, Dictionary<string, string?>)> ReadCsv(Stream content, ReadState state)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            state.Error = Error.Invalid("file", ImportErrors.EmptyFile);
            yield break;
        }
        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string?>(headers.Length, StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++) cells[headers[i]] = csv.TryGetField<string>(i, out var v) ? v : null;
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            yield return (csv.Parser.RawRow, cells);
        }
    }

    private static IEnumerable<(int, Dictionary<string, string?>)> ReadXlsx(Stream content)
    {
        var line = 1;
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            line++;
            var cells = row.ToDictionary(p => p.Key.Trim().ToLowerInvariant(), p => p.Value switch
            {
                null => null,
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            }, StringComparer.Ordinal);
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            yield return (line, cells);
        }
    }

    private static string? Cell(Dictionary<string, string?> cells, string column) =>
        cells.GetValueOrDefault(column) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static List<string> List(Dictionary<string, string?> cells, string column) =>
        Cell(cells, column)?.Split([';', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

    private static int? Int(Dictionary<string, string?> cells, string column, List<string> errors)
    {
        if (Cell(cells, column) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue) return (int)d;
        errors.Add($"{column}: '{text}' is not a whole number");
        return null;
    }

    private static double? Number(Dictionary<string, string?> cells, string column, List<string> errors)
    {
        if (Cell(cells, column) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add($"{column}: '{text}' is not a number");
        return null;
    }

    /// <summary>"氩弧焊:0.5" or just "氩弧焊" (the mapper spreads missing weights).</summary>
    private static SkillWeightLine ParseSkill(string text, List<string> errors)
    {
        var parts = text.Split([':', '：'], 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 1) return new SkillWeightLine { Name = parts[0] };
        if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)) return new SkillWeightLine { Name = parts[0], Weight = weight };
        errors.Add($"skills: '{text}' is not name:weight");
        return new SkillWeightLine { Name = parts[0] };
    }

    /// <summary>"6-18-02-04:3:certified", "6-18-02-04:3" or "6-18-02-04".</summary>
    private static TalentOccupationLine ParseOccupation(string text, List<string> errors)
    {
        var parts = text.Split([':', '：'], StringSplitOptions.TrimEntries);
        int? grade = null;
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            if (int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var g)) grade = g;
            else errors.Add($"occupations: '{text}' grade is not a number");
        }
        var certified = parts.Length > 2 && parts[2].ToLowerInvariant() is "certified" or "true" or "1" or "是";
        return new TalentOccupationLine { Code = parts[0], Grade = grade, Certified = certified };
    }
}
