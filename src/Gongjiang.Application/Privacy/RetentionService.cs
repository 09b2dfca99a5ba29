using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// How long personal information is kept (《个人信息保护法》第十九条: no longer than the purpose needs). Job postings and
/// service/audit logs are never touched here: they are kept at least 3 years (《人力资源市场暂行条例》, 《网络招聘服务管理规定》).
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>A seeker account with no activity (profile change, application, sign-up) for this many years is erased.</summary>
    public int InactiveSeekerYears { get; set; } = 3;
    /// <summary>Free-text notes on withdrawn or rejected applications are removed this many months after the last change.</summary>
    public int ClosedApplicationNoteMonths { get; set; } = 6;
    /// <summary>How often the background job runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);
}

public sealed record RetentionReport(int SeekersErased, int ApplicationsAnonymised, int NotesRemoved);

public sealed class RetentionService(AppDbContext db, PrivacyService privacy, TimeProvider clock, RetentionOptions options)
{
    public async Task<RetentionReport> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inactiveBefore = now.AddYears(-Math.Max(1, options.InactiveSeekerYears));
        var notesBefore = now.AddMonths(-Math.Max(1, options.ClosedApplicationNoteMonths));

        var seekerRole = await db.Roles.Where(r => r.Name == Roles.Seeker).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.TalentId != null && u.EmployerId == null && u.CreatedAt < inactiveBefore)
            .Where(u => seekerRole == null || db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == seekerRole))
            .Where(u => !db.Talent.Any(t => t.Id == u.TalentId && t.UpdatedAt >= inactiveBefore))
            .Where(u => !db.Applications.Any(a => a.TalentId == u.TalentId && a.UpdatedAt >= inactiveBefore))
            .Select(u => u.Id).ToListAsync(ct);

        var erased = 0;
        var anonymised = 0;
        foreach (var userId in candidates)
        {
            if (await privacy.EraseAsync(userId, "retention", ct) is { } record)
            {
                erased++;
                anonymised += record.ApplicationsAnonymised;
            }
        }

        var closed = await db.Applications.AsNoTracking()
            .Where(a => (a.Stage == ApplicationStage.Withdrawn || a.Stage == ApplicationStage.Rejected) && a.UpdatedAt < notesBefore)
            .Where(a => a.History.Any(h => h.Reason != null) || a.Interviews.Any(i => i.Scorecards.Any(s => s.Notes != null)))
            .Select(a => a.Id).ToListAsync(ct);
        var notes = await privacy.RemoveNotesAsync(closed, seekerUserId: null, ct);
        return new RetentionReport(erased, anonymised, notes);
    }
}

/// <summary>Runs the retention job every <see cref="RetentionOptions.Interval"/> (daily), the first time a minute after start.</summary>
public sealed class RetentionTask(RetentionOptions options, ILogger<RetentionTask> logger) : Common.IPeriodicTask
{
    public string Name => "retention";
    public TimeSpan FirstRunAfter => TimeSpan.FromMinutes(1);
    public TimeSpan Interval => options.Interval;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var report = await services.GetRequiredService<RetentionService>().RunAsync(ct);
        logger.LogInformation("Retention: {Seekers} seeker accounts erased, {Applications} applications anonymised, {Notes} notes removed",
            report.SeekersErased, report.ApplicationsAnonymised, report.NotesRemoved);
    }
}
