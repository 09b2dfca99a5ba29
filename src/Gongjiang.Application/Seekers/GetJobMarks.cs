using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>
/// The signed-in seeker's marks on these jobs, for the 收藏/不感兴趣 buttons of a page; anybody else (or nobody) gets
/// no marks and <see cref="JobMarkSet.CanMark"/> false, so the buttons are not shown.
/// </summary>
public static class GetJobMarks
{
    public const int MaxJobs = 200;

    public sealed record Query(IReadOnlyCollection<string> JobIds) : IUseCase<JobMarkSet>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser) : IUseCaseHandler<Query, JobMarkSet>
    {
        public async Task<Result<JobMarkSet>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { IsSeeker: true, TalentId: { } talentId }) return JobMarkSet.None;
            var ids = query.JobIds.Distinct().Take(MaxJobs).ToList();
            var marks = await db.JobMarks.AsNoTracking().Where(m => m.TalentId == talentId && ids.Contains(m.JobId))
                .Select(m => new { m.JobId, m.Kind }).ToListAsync(ct);
            return new JobMarkSet(true,
                marks.Where(m => m.Kind == JobMarkKind.Saved).Select(m => m.JobId).ToHashSet(StringComparer.Ordinal),
                marks.Where(m => m.Kind == JobMarkKind.NotInterested).Select(m => m.JobId).ToHashSet(StringComparer.Ordinal));
        }
    }
}

/// <summary>Which of some jobs the seeker saved or marked not interested; <see cref="CanMark"/> false for anyone but a seeker.</summary>
public sealed record JobMarkSet(bool CanMark, IReadOnlySet<string> Saved, IReadOnlySet<string> NotInterested)
{
    public static readonly JobMarkSet None = new(false, new HashSet<string>(), new HashSet<string>());

    public bool IsSaved(string jobId) => Saved.Contains(jobId);
    public bool IsNotInterested(string jobId) => NotInterested.Contains(jobId);
}
