using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>The seeker reads the invitations to apply (投递邀请) employers sent them, newest first, with each job's title and employer.</summary>
public static class ListMyInvitations
{
    public sealed record Query : IUseCase<MyInvitations>;

    public sealed record MyInvitations(IReadOnlyList<Invitation> Items, IReadOnlyDictionary<string, JobTitle> Jobs, DateTime Now);

    public sealed class Handler(InvitationService invitations, RecruitingRules rules) : IUseCaseHandler<Query, MyInvitations>
    {
        public async Task<Result<MyInvitations>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<MyInvitations>();
            if (actor.Value.TalentId is not { } talentId) return Error.Forbidden(RecruitingErrors.SeekersOnly);
            var items = await invitations.ForTalentAsync(talentId, ct);
            return new MyInvitations(items, await rules.JobTitlesAsync(items.Select(i => i.JobId).Distinct().ToList(), ct), rules.Now);
        }
    }
}
