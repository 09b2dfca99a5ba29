using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Taxonomy;

/// <summary>
/// Anyone browses the occupational classification (职业分类): the major groups, or occupations found by the words typed as
/// <see cref="OccupationNames"/> reads them (the first 60, everyday titles too: 数控车工 finds 车工 and its neighbours), and
/// the one chosen by code, or the only one found, described as <see cref="GetOccupation"/> describes it.
/// </summary>
public static class BrowseTaxonomy
{
    public sealed record Query(string? Text, string? Code) : IUseCase<Browse>;

    public sealed record Browse(IReadOnlyList<Occupation> Results, GetOccupation.Detail? Selected);

    public sealed class Handler(TaxonomyCatalog catalog, OccupationNames names) : IUseCaseHandler<Query, Browse>
    {
        public Task<Result<Browse>> HandleAsync(Query query, CancellationToken ct)
        {
            var results = string.IsNullOrWhiteSpace(query.Text) ? OccupationSearch.Find(catalog, null, 50)
                : names.Find(query.Text, 60).Select(a => a.Occupation).ToList();
            var selected = catalog.FindOccupation(query.Code?.Trim()) ?? (results.Count == 1 ? results[0] : null);
            var detail = selected is null ? null : GetOccupation.Handler.Describe(catalog, selected);
            return Task.FromResult(Result<Browse>.Success(new Browse(results, detail)));
        }
    }
}
