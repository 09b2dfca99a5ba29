using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

public sealed record JobQuery(string? Text = null, string? CityCode = null, string? OccupationCode = null, string? EmployerId = null,
    bool OpenOnly = true, int Page = 1, int PageSize = 20);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => (Total + PageSize - 1) / Math.Max(1, PageSize);
}

/// <summary>Job postings: search, read, create and edit. Pages, API and CLI all come through here.</summary>
/// <summary>Why a posting was or was not published, with every screening flag found (blocking or for review).</summary>
public sealed record PublishOutcome(bool Published, string? Refusal, IReadOnlyList<ScreeningFlag> Flags);

public sealed class JobService(AppDbContext db, JobRecordMapper mapper, PostingScreener screener, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<JobPosting>> SearchAsync(JobQuery q, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(q.PageSize, 1, 100);
        var page = Math.Max(1, q.Page);
        var query = db.Jobs.AsNoTracking();
        if (q.OpenOnly)
        {
            var today = Today;
            query = query.Where(j => j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today));
        }
        if (!string.IsNullOrWhiteSpace(q.EmployerId)) query = query.Where(j => j.EmployerId == q.EmployerId);
        if (!string.IsNullOrWhiteSpace(q.CityCode))
        {
            var prefix = q.CityCode.EndsWith("00", StringComparison.Ordinal) ? q.CityCode.TrimEnd('0') : q.CityCode;
            query = query.Where(j => j.CityCode.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(q.OccupationCode))
        {
            var code = q.OccupationCode.Trim();
            var prefix = code.EndsWith("-00-00-00", StringComparison.Ordinal) ? code[..1] : code.EndsWith("-00-00", StringComparison.Ordinal) ? code[..4] : code.EndsWith("-00", StringComparison.Ordinal) ? code[..7] : code;
            query = query.Where(j => j.OccupationCode != null && j.OccupationCode.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim();
            query = query.Where(j => j.Title.Contains(text) || j.Description.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(j => j.PostedAt).ThenBy(j => j.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<JobPosting>(items, page, pageSize, total);
    }

    public Task<JobPosting?> FindAsync(string id, CancellationToken ct = default) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>Creates a posting for an employer; the id is generated and the employer comes from the signed-in user.</summary>
    public async Task<Mapped<JobPosting>> CreateAsync(string employerId, JobLine input, CancellationToken ct = default)
    {
        var line = input with { Id = EntityId.New('J', clock), EmployerId = employerId, PostedAt = input.PostedAt ?? Today.ToString("yyyy-MM-dd") };
        var mapped = mapper.Map(line);
        if (mapped.Value is not { } job) return mapped;
        job.Status = JobStatus.Draft; // a new posting is a draft until PublishAsync lets it out
        job.CreatedAt = job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return mapped;
    }

    public async Task<Mapped<JobPosting>> UpdateAsync(JobPosting existing, JobLine input, CancellationToken ct = default)
    {
        var line = input with { Id = existing.Id, EmployerId = existing.EmployerId, PostedAt = input.PostedAt ?? existing.PostedAt.ToString("yyyy-MM-dd"), Status = null };
        var mapped = mapper.Map(line);
        if (mapped.Value is not { } job) return mapped;
        var tracked = await db.Jobs.FirstAsync(j => j.Id == existing.Id, ct);
        job.CreatedAt = tracked.CreatedAt;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        job.Status = tracked.Status; // status changes go through PublishAsync / SetStatusAsync
        db.Entry(tracked).CurrentValues.SetValues(job);
        tracked.Skills = job.Skills;
        tracked.RequiredCertificates = job.RequiredCertificates;
        await db.SaveChangesAsync(ct);
        // An edit of a published posting is screened again; one that no longer passes goes back to draft.
        if (tracked.Status == JobStatus.Open && screener.Screen(tracked).IsBlocked)
        {
            tracked.Status = JobStatus.Draft;
            await db.SaveChangesAsync(ct);
        }
        return new Mapped<JobPosting> { Value = tracked };
    }

    /// <summary>
    /// The one way a posting becomes visible to seekers: its employer must be verified, it must be within its validity,
    /// not taken down by the platform, and pass posting screening (发布前审核) without a blocking flag.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(string id, CancellationToken ct = default)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return new PublishOutcome(false, "岗位不存在。", []);
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == job.EmployerId, ct);
        if (employer is null)
            return new PublishOutcome(false, "企业尚未通过平台认证，认证通过后才能发布岗位。", []);
        if (employer.WhyCannotPublish(clock.GetUtcNow().UtcDateTime) is { } notAllowed)
            return new PublishOutcome(false, notAllowed, []);
        if (job.Status == JobStatus.TakenDown)
            return new PublishOutcome(false, "该岗位已被平台下架，不能自行重新发布。", []);
        if (job.ExpiresAt is { } expires && expires < Today)
            return new PublishOutcome(false, "岗位有效期已过，请延长有效期后再发布。", []);
        var screening = screener.Screen(job);
        if (screening.IsBlocked)
            return new PublishOutcome(false, "岗位信息未通过发布审核：" + string.Join("；", screening.Flags.Where(f => f.Severity == FlagSeverity.Block)
                .Select(f => $"{ScreeningRules.ChineseName(f.Rule)}「{f.Excerpt}」")), screening.Flags);
        job.Status = JobStatus.Open;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Published with warnings: an operator looks at it in the screening queue (人工复核).
        Compliance.ScreeningQueueService.EnqueueWarnings(db, job, screening.Flags, job.UpdatedAt);
        await db.SaveChangesAsync(ct);
        return new PublishOutcome(true, null, screening.Flags);
    }

    /// <summary>Closes, expires or drafts a posting. Opening goes through <see cref="PublishAsync"/>.</summary>
    public async Task SetStatusAsync(string id, JobStatus status, CancellationToken ct = default)
    {
        if (status == JobStatus.Open) throw new InvalidOperationException("Postings open only through PublishAsync.");
        var job = await db.Jobs.FirstAsync(j => j.Id == id, ct);
        job.Status = status;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The API/file representation of a posting (FORMATS.md jobs.jsonl).</summary>
    public static JobLine ToLine(JobPosting j) => new()
    {
        Id = j.Id, EmployerId = j.EmployerId, Title = j.Title, OccupationCode = j.OccupationCode, MinGrade = j.MinGrade,
        Skills = j.Skills.Select(s => new SkillWeightLine { Name = s.Name, Weight = s.Weight }).ToList(),
        RequiredCertificates = j.RequiredCertificates.Count > 0 ? j.RequiredCertificates : null,
        EducationMin = j.EducationMin is { } e ? EducationLevels.ToFileName(e) : null, ExperienceMinYears = j.ExperienceMinYears,
        City = j.CityCode, Salary = new SalaryLine { Min = j.SalaryMin, Max = j.SalaryMax }, Headcount = j.Headcount,
        PostedAt = j.PostedAt.ToString("yyyy-MM-dd"), ExpiresAt = j.ExpiresAt?.ToString("yyyy-MM-dd"), Description = j.Description,
        Status = j.Status.ToString().ToLowerInvariant(),
    };
}
