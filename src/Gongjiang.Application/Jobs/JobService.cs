using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

public sealed record JobQuery(string? Text = null, string? CityCode = null, string? OccupationCode = null, string? EmployerId = null,
    bool OpenOnly = true, int Page = 1, int PageSize = 20, BenefitFilter? Benefits = null);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => (Total + PageSize - 1) / Math.Max(1, PageSize);
}

/// <summary>Job postings: search, read and status changes. Saving and publishing are the use cases <see cref="SaveJob"/> and <see cref="PublishJob"/>.</summary>
public sealed class JobService(AppDbContext db, TimeProvider clock)
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
        if (q.Benefits is { } benefits) query = benefits.Apply(query);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(j => j.PostedAt).ThenBy(j => j.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<JobPosting>(items, page, pageSize, total);
    }

    public Task<JobPosting?> FindAsync(string id, CancellationToken ct = default) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>Closes, expires or drafts a posting. Opening goes through <see cref="PublishJob"/>.</summary>
    public async Task SetStatusAsync(string id, JobStatus status, CancellationToken ct = default)
    {
        if (status == JobStatus.Open) throw new InvalidOperationException("Postings open only through publishing.");
        var job = await db.Jobs.FirstAsync(j => j.Id == id, ct);
        job.Status = status;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
