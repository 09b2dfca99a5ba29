using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>The seeker follows their applications (我的申请): newest first, with history, interviews and offers to answer.</summary>
public static class ListMyApplications
{
    public sealed record Query : IUseCase<MyApplications>;

    public sealed record MyApplications(IReadOnlyList<JobApplication> Items, IReadOnlyDictionary<string, JobTitle> Jobs, DateOnly Today);

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Query, MyApplications>
    {
        public async Task<Result<MyApplications>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<MyApplications>();
            if (actor.Value.TalentId is not { } talentId) return Error.Forbidden(RecruitingErrors.SeekersOnly);
            var items = await recruiting.ForSeekerAsync(talentId, ct);
            return new MyApplications(items, await rules.JobTitlesAsync(items.Select(a => a.JobId).Distinct().ToList(), ct), rules.Today);
        }
    }
}
