using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// What the recruiting use cases share: the signed-in user as the pipeline sees them (the employer they act for when
/// they are HR or an agency, the profile they own when they are a seeker) and the day on the platform's clock.
/// </summary>
public sealed class RecruitingRules(ICurrentUser currentUser, AppDbContext db, TimeProvider clock, Sharing.SharingService sharing)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The acting user; with <paramref name="withName"/> also the name shown on what they write (a scorecard).</summary>
    public async Task<Result<RecruitingActor>> ActorAsync(CancellationToken ct, bool withName = false)
    {
        var actor = await currentUser.GetAsync(ct);
        if (actor is null) return Error.Forbidden(RecruitingErrors.NoAccount);
        var name = "";
        if (withName)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(ct);
            name = string.IsNullOrEmpty(user?.DisplayName) ? user?.UserName ?? "" : user.DisplayName;
        }
        return new RecruitingActor(actor.UserId, actor.IsEmployer ? actor.EmployerId : null, actor.IsSeeker ? actor.TalentId : null, name);
    }

    /// <summary>Runs a pipeline command as the acting user.</summary>
    public async Task<Result<T>> AsActorAsync<T>(Func<RecruitingActor, Task<Result<T>>> command, CancellationToken ct, bool withName = false)
    {
        var actor = await ActorAsync(ct, withName);
        return actor.Succeeded ? await command(actor.Value) : actor.Cast<T>();
    }

    /// <summary>The applicants' names as the employer may see them: in full while their applications share the contact data, masked after (SharingService.NamesForEmployerAsync).</summary>
    public Task<Dictionary<string, string>> NamesAsync(string employerId, IReadOnlyCollection<string> talentIds, CancellationToken ct) =>
        sharing.NamesForEmployerAsync(employerId, talentIds, ct);

    /// <summary>Title and employer name of each job, for the seeker's lists.</summary>
    public async Task<Dictionary<string, JobTitle>> JobTitlesAsync(IReadOnlyCollection<string> jobIds, CancellationToken ct) =>
        await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .Join(db.Employers, j => j.EmployerId, e => e.Id, (j, e) => new { j.Id, j.Title, e.Name })
            .ToDictionaryAsync(x => x.Id, x => new JobTitle(x.Title, x.Name), ct);
}

/// <summary>A job as a seeker's list names it.</summary>
public sealed record JobTitle(string Title, string Employer);
