using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Talent;

namespace Gongjiang.Application.Sharing;

/// <summary>谁看过我的简历: the seeker reads every view of their résumé by someone else, newest first, with what was shown.</summary>
public static class ListResumeViews
{
    public sealed record Query(int Take = 200) : IUseCase<IReadOnlyList<ResumeViewEntry>>;

    public sealed class Handler(SharingService sharing) : IUseCaseHandler<Query, IReadOnlyList<ResumeViewEntry>>
    {
        public async Task<Result<IReadOnlyList<ResumeViewEntry>>> HandleAsync(Query query, CancellationToken ct)
        {
            var talentId = await sharing.OwnTalentIdAsync(Error.NotFound(TalentErrors.NoProfile), ct);
            if (!talentId.Succeeded) return talentId.Cast<IReadOnlyList<ResumeViewEntry>>();
            return Result<IReadOnlyList<ResumeViewEntry>>.Success(await sharing.ViewsOfAsync(talentId.Value, query.Take, ct));
        }
    }
}
