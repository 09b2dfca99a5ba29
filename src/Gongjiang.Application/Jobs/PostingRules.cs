using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// What the posting use cases share: the employer the user acts for, an owned posting, the one check of a posting as
/// written and the one publishing gate, all on one clock.
/// </summary>
public sealed class PostingRules(AppDbContext db, ICurrentUser currentUser, JobRecordMapper mapper, PostingScreener screener,
    TaxonomyCatalog catalog, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The employer the signed-in HR or agency user acts for, or Forbidden.</summary>
    public async Task<Result<Employer>> EmployerAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        if (actor?.EmployerId is not { } id) return Error.Forbidden(JobErrors.NoEmployerAccount);
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return employer is null ? Error.Forbidden(JobErrors.NoEmployerAccount) : employer;
    }

    /// <summary>One of the employer's own postings, tracked; another employer's answers NotFound (its existence is not disclosed).</summary>
    public async Task<Result<JobPosting>> OwnJobAsync(Employer employer, string id, CancellationToken ct)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id && j.EmployerId == employer.Id, ct);
        return job is null ? Error.NotFound(JobErrors.NotFound, id) : job;
    }

    public Occupation? OccupationOf(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : catalog.FindOccupation(TypedNames.Occupation(catalog, typed));

    /// <summary>
    /// The form checked as saving will check it: text that is not a number, the file contract's rules (the shared mapper),
    /// and an expiry date moved into the past. Errors on skills name the form's rows.
    /// </summary>
    public Result<JobPosting> Check(IPostingInput form, Employer employer, JobPosting? existing)
    {
        var errors = new ErrorList();
        var line = form.ToLine(errors, out var rowOfSkill, typed => TypedNames.Occupation(catalog, typed), existing);
        line = line with
        {
            Id = existing?.Id ?? EntityId.New('J', clock), EmployerId = employer.Id,
            PostedAt = (existing?.PostedAt ?? Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var mapped = mapper.Map(line);
        if (!mapped.Succeeded) errors.AddRange(mapped.Errors.Select(e => e.ForField(FormRow(e.Field, rowOfSkill))));
        else
        {
            // What the poster confirmed or refused of the skills' readings overrules the reading.
            var job = mapped.Value;
            var choices = form.ChosenSkillItems(existing, errors, name => job.Skills.FirstOrDefault(s => s.Name == name)?.StandardItem);
            IReadOnlyList<(string, int?)> occupations = job.OccupationCode is { } code ? [(code, job.MinGrade)] : [];
            Skills.SkillReadings.Check(catalog, choices, occupations, "skills", errors);
            Skills.SkillReadings.ApplyTo(job, choices);
        }
        if (line.ExpiresAt is { } e && DateOnly.TryParse(e, CultureInfo.InvariantCulture, out var expires) && expires < Today
            && (existing is null || existing.ExpiresAt != expires))
            errors.Add("expires_at", JobErrors.ExpiresBeforeToday);
        return errors.IsEmpty ? mapped : errors;
    }

    /// <summary>"skills[1].weight" of the record is the form's row that held it.</summary>
    private static string? FormRow(string? field, IReadOnlyList<int> rowOfSkill)
    {
        if (field is null || !field.StartsWith("skills[", StringComparison.Ordinal)) return field;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return close > 7 && int.TryParse(field[7..close], CultureInfo.InvariantCulture, out var k) && k < rowOfSkill.Count
            ? $"skills[{rowOfSkill[k]}]{field[(close + 1)..]}" : field;
    }

    public ScreeningResult Screen(JobPosting job) => screener.Screen(job);

    /// <summary>
    /// The one publishing gate (发布): the employer verified and allowed to publish now, the posting not taken down, within
    /// its validity, its occupation confirmed by the poster, and without a blocking screening flag. Null when it may go out.
    /// </summary>
    public Error? WhyNotPublish(Employer employer, JobPosting job, ScreeningResult screening)
    {
        if (employer.WhyCannotPublish(Now) is { } gate) return Error.Refused(gate);
        if (job.Status == JobStatus.TakenDown) return Error.Refused(JobErrors.TakenDown);
        if (job.ExpiresAt is { } expires && expires < Today) return Error.Refused(JobErrors.Expired);
        if (OccupationUnconfirmed(job) is { } unconfirmed) return unconfirmed;
        if (!screening.IsBlocked) return null;
        var blocking = string.Join("；", screening.Flags.Where(f => f.Severity == FlagSeverity.Block)
            .Select(f => $"{ScreeningRules.ChineseName(f.Rule)}「{f.Excerpt}」"));
        return Error.Refused(JobErrors.ScreeningBlocked, blocking) with { Details = new Dictionary<string, object?> { ["flags"] = screening.Flags.Select(ScreeningFlagView.Of).ToList() } };
    }

    /// <summary>
    /// A posting goes out only with an occupation its poster chose: one read from the title (it keeps its confidence) is a
    /// suggestion, named in the refusal's details, until the poster sends it or another code.
    /// </summary>
    public static Error? OccupationUnconfirmed(JobPosting job) =>
        job.OccupationCode is not null && job.OccupationConfidence is null ? null
            : Error.RefusedField("occupation_code", JobErrors.OccupationUnconfirmed) with
            {
                Details = new Dictionary<string, object?> { ["suggested_code"] = job.OccupationCode, ["confidence"] = job.OccupationConfidence },
            };

    /// <summary>Opens the posting; published with warnings, it waits for an operator in the screening queue (人工复核).</summary>
    public void Open(JobPosting job, ScreeningResult screening)
    {
        job.Status = JobStatus.Open;
        job.UpdatedAt = Now;
        Compliance.ScreeningQueueService.EnqueueWarnings(db, job, screening.Flags, job.UpdatedAt);
    }
}

/// <summary>A screening flag as clients read it.</summary>
public sealed record ScreeningFlagView(string Rule, string Severity, string Excerpt, string LegalBasis, string Field)
{
    public static ScreeningFlagView Of(ScreeningFlag f) => new(f.Rule, f.SeverityName, f.Excerpt, f.LegalBasis, f.Field);
}
