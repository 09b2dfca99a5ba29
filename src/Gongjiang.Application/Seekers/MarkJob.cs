using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>
/// The seeker marks a job 收藏 (saved) or 不感兴趣 (not interested, which takes it out of their 为你推荐), or takes the
/// mark off (<see cref="Command.On"/> false). Marking needs a job the seeker can see (open); taking a mark off always works.
/// Marking twice is the same as once.
/// </summary>
public static class MarkJob
{
    public sealed record Command(string JobId, string Kind, bool On = true) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, SeekerScope seeker) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            if (JobMarks.Parse(command.Kind) is not { } kind) return Error.Invalid("kind", SeekerErrors.UnknownMark, command.Kind);
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<Done>();
            var existing = await db.JobMarks.FirstOrDefaultAsync(m => m.TalentId == talent.Value && m.JobId == command.JobId && m.Kind == kind, ct);
            if (!command.On)
            {
                if (existing is not null) db.JobMarks.Remove(existing);
                await db.SaveChangesAsync(ct);
                return Done.Value;
            }
            if (existing is not null) return Done.Value;
            var today = seeker.Today;
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == command.JobId, ct);
            if (job is null || !job.IsOpenOn(today)) return Error.NotFound(JobErrors.NotFound, command.JobId);
            db.JobMarks.Add(new JobMark { TalentId = talent.Value, JobId = job.Id, Kind = kind, CreatedAt = seeker.Now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // marked meanwhile by another request: the same outcome
            return Done.Value;
        }
    }
}

/// <summary>The names of the marks as clients send them.</summary>
public static class JobMarks
{
    public const string Saved = "saved";
    public const string NotInterested = "not-interested";

    public static JobMarkKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Saved => JobMarkKind.Saved,
        NotInterested or "not_interested" => JobMarkKind.NotInterested,
        _ => null,
    };

    public static string Name(JobMarkKind kind) => kind == JobMarkKind.Saved ? Saved : NotInterested;
}
