using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Matching;

/// <summary>
/// The employer asks for the best talent (推荐人才) for one of its own jobs, with reasons: only seekers who share their
/// profile with the zone, names masked, no contact data; and which of them it already invited and which already applied. A job that is not open
/// gets no recommendations; another employer's job does not exist.
/// </summary>
public static class RecommendTalent
{
    public const int MaxTop = 50;

    public sealed record Query(string JobId, int Top = 10) : IUseCase<TalentForJob>;

    public sealed record Row(MatchResult Match, string MaskedName, double ExperienceYears, Core.Common.EducationLevel? Education);

    /// <param name="Invited">Talent invited to this job and not yet answered, or answered by applying.</param>
    /// <param name="Applied">Talent who already applied to this job (已申请).</param>
    public sealed record TalentForJob(JobPosting Job, bool IsOpen, bool LearnedRanking, IReadOnlyList<Row> Rows, IReadOnlySet<string> Invited,
        IReadOnlySet<string> Applied);

    public sealed class Handler(AppDbContext db, RecommendationService recommendations, ICurrentUser currentUser, TimeProvider clock)
        : IUseCaseHandler<Query, TalentForJob>
    {
        public async Task<Result<TalentForJob>> HandleAsync(Query query, CancellationToken ct)
        {
            if (query.Top is < 1 or > MaxTop) return Error.Invalid("top", InputErrors.Between, 1, MaxTop);
            var actor = await currentUser.GetAsync(ct);
            if (actor is null) return Error.Forbidden(MatchingErrors.NoAccount);
            var job = actor.EmployerId is { } employerId
                ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == query.JobId && j.EmployerId == employerId, ct) : null;
            if (job is null) return Error.NotFound(Jobs.JobErrors.NotFound, query.JobId);
            if (!job.IsOpenOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
                return new TalentForJob(job, IsOpen: false, LearnedRanking: false, [], new HashSet<string>(), new HashSet<string>());
            var list = await recommendations.TalentForJobAsync(job.Id, query.Top, sharedOnly: true, job.EmployerId, ct);
            await recommendations.RecordShownAsync(list.Items, ct);
            var ids = list.Items.Select(r => r.TalentId).ToList();
            var names = await db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
            var profiles = await db.Talent.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new { t.Id, t.ExperienceYears, t.Education.Level }).ToDictionaryAsync(t => t.Id, ct);
            var invited = await db.Set<Invitation>().AsNoTracking()
                .Where(i => i.JobId == job.Id && ids.Contains(i.TalentId) && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Accepted))
                .Select(i => i.TalentId).ToListAsync(ct);
            var rows = list.Items.Select(r => new Row(r, TalentService.MaskName(names.GetValueOrDefault(r.TalentId) ?? "—"),
                profiles.TryGetValue(r.TalentId, out var p) ? p.ExperienceYears : 0, p?.Level)).ToList();
            var applied = await RecommendAlreadyApplied.TalentOfAsync(db, job.Id, ids, ct);
            return new TalentForJob(job, IsOpen: true, list.LearnedRanking, rows, invited.ToHashSet(), applied);
        }
    }
}
