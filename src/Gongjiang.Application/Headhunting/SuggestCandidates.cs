using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The agency asks for seekers of the shared pool the matching engine ranks best for its project's requirements (1 to
/// <see cref="ProjectRules.MaxSuggestions"/>), leaving out those already in the project; masked names, no contact data.
/// </summary>
public static class SuggestCandidates
{
    public sealed record Query(string ProjectId, int Top = 10) : IUseCase<IReadOnlyList<SourcingSuggestion>>;

    public sealed class Handler(ProjectRules rules) : IUseCaseHandler<Query, IReadOnlyList<SourcingSuggestion>>
    {
        public async Task<Result<IReadOnlyList<SourcingSuggestion>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (query.Top is < 1 or > ProjectRules.MaxSuggestions) return Error.Invalid("top", InputErrors.Between, 1, ProjectRules.MaxSuggestions);
            var project = await rules.OwnAsync(await rules.ActorAsync(ct), query.ProjectId, ct, tracked: false);
            if (!project.Succeeded) return project.Cast<IReadOnlyList<SourcingSuggestion>>();
            return await rules.SuggestAsync(project.Value, query.Top, ct);
        }
    }
}
