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
/// A checked upload, before anything is saved: every row with its error or note, and the rows that will be imported in the
/// contract's JSON-lines form, at their original line numbers (so the import reports the same `line N`).
/// </summary>
public sealed record ImportPreview(string Kind, string File, IReadOnlyList<PreviewRow> Rows, string ValidJsonLines, Error? FileError = null)
{
    public int Valid => Rows.Count(r => r.IsValid);
    public int Invalid => Rows.Count(r => !r.IsValid);
}

/// <summary>
/// Bulk import of jobs and résumés from CSV or XLSX (the same columns; list cells separated by ';'). Each row is turned into
/// the file contract's record (<see cref="JobLine"/>, <see cref="TalentLine"/>) and checked by the same mappers as the
/// command line; the confirmed rows then go through <see cref="ImportService"/>, batch by batch in transactions.
/// Résumés are de-duplicated by phone or ID number: a row matching an existing seeker updates that seeker.
/// </summary>
public sealed class TabularImport(AppDbContext db, JobRecordMapper jobMapper, TalentRecordMapper talentMapper, TalentService talent,
    ImportService import, TimeProvider clock)
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

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

    private sealed record Sheet(List<(int Line, Dictionary<string, string?> Cells)> Rows, Error? Error);

    /// <summary>Checks an upload of jobs. With <paramref name="ownEmployerId"/> (an employer's own upload) every job is that employer's.</summary>
    public async Task<ImportPreview> PreviewJobsAsync(Stream content, string fileName, string? ownEmployerId, CancellationToken ct = default)
    {
        var sheet = Read(content, fileName);
        if (sheet.Error is not null) return new ImportPreview("jobs", fileName, [], "", sheet.Error);
        var employers = (await db.Employers.AsNoTracking().Select(e => e.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var ownJobs = ownEmployerId is null ? null
            : (await db.Jobs.AsNoTracking().Where(j => j.EmployerId != ownEmployerId).Select(j => j.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<PreviewRow>();
        var lines = new Dictionary<int, string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in sheet.Rows)
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
                else if (ownJobs is not null && ownJobs.Contains(record.Id!)) errors.Add($"id {record.Id} belongs to another employer's job");
                else if (!seen.Add(record.Id!)) errors.Add($"duplicate id {record.Id} (first given earlier in this file)");
            }
            var error = errors.Count == 0 ? null : string.Join("; ", errors);
            rows.Add(new PreviewRow(line, record.Id ?? "", $"{record.Title} · {record.City}", error, null));
            if (error is null) lines[line] = JsonSerializer.Serialize(record, InterchangeJson.Options);
        }
        return new ImportPreview("jobs", fileName, rows, Join(lines));
    }

    /// <summary>Checks an upload of résumés; a row whose phone or ID number belongs to an existing seeker will update that seeker.</summary>
    public async Task<ImportPreview> PreviewTalentAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var sheet = Read(content, fileName);
        if (sheet.Error is not null) return new ImportPreview("talent", fileName, [], "", sheet.Error);
        var rows = new List<PreviewRow>();
        var lines = new Dictionary<int, string>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var seenIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
        // Who already holds the file's phones and ID numbers: looked up for the whole file at once, not row by row.
        var owners = await talent.FindTalentIdsByIdentityAsync(
            sheet.Rows.Select(r => Cell(r.Cells, "phone")), sheet.Rows.Select(r => Cell(r.Cells, "id_number")), ct);
        foreach (var (line, cells) in sheet.Rows)
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
            if (error is null)
            {
                foreach (var key in new[] { record.Phone, record.IdNumber }.Where(k => k is not null)) seenIdentity.TryAdd(key!, line);
                lines[line] = JsonSerializer.Serialize(record, InterchangeJson.Options);
            }
            rows.Add(new PreviewRow(line, record.Id ?? "", $"{record.Name} · {record.City}", error, note));
        }
        return new ImportPreview("talent", fileName, rows, Join(lines));
    }

    /// <summary>Imports the rows the preview found valid, through the command line's import (batches in transactions).</summary>
    public Task<ImportReport> ImportAsync(ImportPreview preview, CancellationToken ct = default) => preview.Kind switch
    {
        "jobs" => import.ImportJobsAsync(new StringReader(preview.ValidJsonLines), preview.File, ct),
        "talent" => import.ImportTalentAsync(new StringReader(preview.ValidJsonLines), preview.File, ct),
        _ => throw new ArgumentException($"unknown import kind {preview.Kind}"),
    };

    /// <summary>The valid rows as JSON lines at their own line numbers; other lines stay blank (blank lines are skipped but counted).</summary>
    private static string Join(Dictionary<int, string> lines)
    {
        if (lines.Count == 0) return "";
        var builder = new StringBuilder();
        var last = lines.Keys.Max();
        for (var i = 1; i <= last; i++) builder.Append(lines.GetValueOrDefault(i) ?? "").Append('\n');
        return builder.ToString();
    }

    private static Sheet Read(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" => ReadCsv(content),
                ".xlsx" => ReadXlsx(content),
                _ => new Sheet([], Error.Invalid("file", ImportErrors.UnsupportedFile)),
            };
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException or IOException or FormatException or InvalidOperationException
                                  or System.Xml.XmlException or ArgumentException)
        {
            return new Sheet([], Error.Invalid("file", ImportErrors.UnreadableFile, e.Message.Split('\n')[0]));
        }
    }

    private static Sheet ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader()) return new Sheet([], Error.Invalid("file", ImportErrors.EmptyFile));
        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var rows = new List<(int, Dictionary<string, string?>)>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++) cells[headers[i]] = csv.TryGetField<string>(i, out var v) ? v : null;
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((csv.Parser.RawRow, cells));
        }
        return new Sheet(rows, null);
    }

    private static Sheet ReadXlsx(Stream content)
    {
        var rows = new List<(int, Dictionary<string, string?>)>();
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
            rows.Add((line, cells));
        }
        return new Sheet(rows, null);
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
