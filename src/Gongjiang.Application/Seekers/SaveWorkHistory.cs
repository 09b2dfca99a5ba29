using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>One row of work history as typed: months as yyyy-MM, an empty end meaning 至今 (still there).</summary>
public sealed class WorkExperienceRow
{
    public string? Employer { get; set; }
    public string? Title { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Duties { get; set; }

    public static WorkExperienceRow From(WorkExperience w) => new()
    {
        Employer = w.Employer, Title = w.Title, Start = WorkHistoryRules.Month(w.Start), End = w.End is { } e ? WorkHistoryRules.Month(e) : "",
        Duties = w.Duties,
    };

    public bool IsBlank => string.IsNullOrWhiteSpace(Employer) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Start)
        && string.IsNullOrWhiteSpace(End) && string.IsNullOrWhiteSpace(Duties);
}

/// <summary>The checks of a work history: what each row needs and how long its texts may be.</summary>
public static class WorkHistoryRules
{
    public const int MaxEntries = 20;
    public const int MaxEmployer = 100;
    public const int MaxTitle = 60;
    public const int MaxDuties = 2000;

    public static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly? ParseMonth(string? text)
    {
        var t = (text ?? "").Trim().Replace('/', '-').Replace('.', '-');
        if (DateOnly.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateOnly.TryParseExact(t, "yyyy-M", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return new DateOnly(d.Year, d.Month, 1);
        return null;
    }

    /// <summary>
    /// The rows as entries (blank rows skipped), each error on <c>work_history[i].field</c> naming the row as sent:
    /// employer, title and start required; months as yyyy-MM, not after this month; the end not before the start.
    /// </summary>
    public static List<WorkExperience> Check(IReadOnlyList<WorkExperienceRow?> rows, DateOnly today, ErrorList errors)
    {
        var entries = new List<WorkExperience>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null || row.IsBlank) continue;
            var at = $"work_history[{i}]";
            var employer = (row.Employer ?? "").Trim();
            var title = (row.Title ?? "").Trim();
            var duties = (row.Duties ?? "").Trim();
            if (employer.Length == 0) errors.Add($"{at}.employer", InputErrors.Required);
            else if (employer.Length > MaxEmployer) errors.Add($"{at}.employer", InputErrors.TooLong, MaxEmployer);
            if (title.Length == 0) errors.Add($"{at}.title", InputErrors.Required);
            else if (title.Length > MaxTitle) errors.Add($"{at}.title", InputErrors.TooLong, MaxTitle);
            if (duties.Length > MaxDuties) errors.Add($"{at}.duties", InputErrors.TooLong, MaxDuties);
            DateOnly? start = null, end = null;
            if (string.IsNullOrWhiteSpace(row.Start)) errors.Add($"{at}.start", InputErrors.Required);
            else if (ParseMonth(row.Start) is not { } s) errors.Add($"{at}.start", SeekerErrors.NotMonth);
            else if (s > thisMonth) errors.Add($"{at}.start", SeekerErrors.InFuture);
            else start = s;
            var endText = (row.End ?? "").Trim();
            if (endText.Length > 0 && endText is not ("至今" or "now" or "present"))
            {
                if (ParseMonth(endText) is not { } e) errors.Add($"{at}.end", SeekerErrors.NotMonth);
                else if (e > thisMonth) errors.Add($"{at}.end", SeekerErrors.InFuture);
                else if (start is { } st && e < st) errors.Add($"{at}.end", SeekerErrors.EndBeforeStart);
                else end = e;
            }
            if (start is { } first) entries.Add(new WorkExperience { Employer = employer, Title = title, Start = first, End = end, Duties = duties });
        }
        if (entries.Count > MaxEntries) errors.Add("work_history", SeekerErrors.WorkHistoryTooMany, MaxEntries);
        return entries;
    }
}

/// <summary>
/// The seeker replaces their work history (工作经历) with the rows sent: blank rows are dropped, the rest checked by
/// <see cref="WorkHistoryRules"/>; nothing is saved when a row is wrong.
/// </summary>
public static class SaveWorkHistory
{
    public sealed record Command(IReadOnlyList<WorkExperienceRow?> Rows) : IUseCase<IReadOnlyList<WorkExperience>>;

    public sealed class Handler(AppDbContext db, SeekerScope seeker) : IUseCaseHandler<Command, IReadOnlyList<WorkExperience>>
    {
        public async Task<Result<IReadOnlyList<WorkExperience>>> HandleAsync(Command command, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<IReadOnlyList<WorkExperience>>();
            var errors = new ErrorList();
            var entries = WorkHistoryRules.Check(command.Rows, seeker.Today, errors);
            if (!errors.IsEmpty) return errors;
            var profile = await db.Talent.FirstAsync(t => t.Id == talent.Value, ct);
            profile.WorkHistory = entries;
            profile.UpdatedAt = seeker.Now;
            await db.SaveChangesAsync(ct);
            return Result<IReadOnlyList<WorkExperience>>.Success(entries);
        }
    }
}
