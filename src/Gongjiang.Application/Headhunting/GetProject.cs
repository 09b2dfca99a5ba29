using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// One project as its agency or its client sees it: requirements, candidates with masked names and their history, and for the
/// agency of an open project up to <see cref="Query.Suggestions"/> seekers from the shared pool. Anyone else: not found.
/// </summary>
public static class GetProject
{
    public sealed record Query(string ProjectId, int Suggestions = 0) : IUseCase<ProjectDetail>;

    public sealed class Handler(ProjectRules rules) : IUseCaseHandler<Query, ProjectDetail>
    {
        public async Task<Result<ProjectDetail>> HandleAsync(Query query, CancellationToken ct)
        {
            var view = await rules.VisibleAsync(await rules.ActorAsync(ct), query.ProjectId, ct);
            return view.Succeeded ? await rules.DetailAsync(view.Value, query.Suggestions, ct) : view.Cast<ProjectDetail>();
        }
    }
}
