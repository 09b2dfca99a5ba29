using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Recruiting;

/// <summary>The employer lists the invitations it sent for one of its jobs, newest first (expired ones marked so).</summary>
public static class ListJobInvitations
{
    public sealed record Query(string JobId) : IUseCase<IReadOnlyList<Invitation>>;

    public sealed class Handler(AppDbContext db, InvitationService invitations, RecruitingRules rules) : IUseCaseHandler<Query, IReadOnlyList<Invitation>>
    {
        public async Task<Result<IReadOnlyList<Invitation>>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<IReadOnlyList<Invitation>>();
            if (actor.Value.EmployerId is not { } employerId || !await db.Jobs.AnyAsync(j => j.Id == query.JobId && j.EmployerId == employerId, ct))
                return Error.NotFound(Jobs.JobErrors.NotFound, query.JobId);
            return await invitations.ForEmployerAsync(employerId, query.JobId, ct);
        }
    }
}
