using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>我的收藏: the jobs the seeker saved, last saved first, each with its employer and whether it is still open.</summary>
public static class ListSavedJobs
{
    public sealed record Query : IUseCase<IReadOnlyList<SavedJob>>;

    /// <param name="State">The posting's state today: Open, Closed, Expired or TakenDown.</param>
    public sealed record SavedJob(JobPosting Job, string EmployerName, DateTime SavedAt, JobStatus State)
    {
        public bool IsOpen => State == JobStatus.Open;
    }

    public sealed class Handler(AppDbContext db, SeekerScope seeker) : IUseCaseHandler<Query, IReadOnlyList<SavedJob>>
    {
        public async Task<Result<IReadOnlyList<SavedJob>>> HandleAsync(Query query, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<IReadOnlyList<SavedJob>>();
            var rows = await (from m in db.JobMarks.AsNoTracking()
                              join j in db.Jobs.AsNoTracking() on m.JobId equals j.Id
                              join e in db.Employers.AsNoTracking() on j.EmployerId equals e.Id
                              where m.TalentId == talent.Value && m.Kind == JobMarkKind.Saved
                              orderby m.CreatedAt descending
                              select new { Job = j, e.Name, m.CreatedAt }).ToListAsync(ct);
            var today = seeker.Today;
            return Result<IReadOnlyList<SavedJob>>.Success(rows.Select(r => new SavedJob(r.Job, r.Name, r.CreatedAt, r.Job.StatusOn(today))).ToList());
        }
    }
}
