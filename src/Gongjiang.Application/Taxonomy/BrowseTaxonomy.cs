using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Taxonomy;

/// <summary>
/// Anyone browses the occupational classification (职业分类): occupations found by the words typed (the first 50 to 60), and
/// the one chosen by code, or the only one found, described as <see cref="GetOccupation"/> describes it.
/// </summary>
public static class BrowseTaxonomy
{
    public sealed record Query(string? Text, string? Code) : IUseCase<Browse>;

    public sealed record Browse(IReadOnlyList<Occupation> Results, GetOccupation.Detail? Selected);

    public sealed class Handler(TaxonomyCatalog catalog) : IUseCaseHandler<Query, Browse>
    {
        public Task<Result<Browse>> HandleAsync(Query query, CancellationToken ct)
        {
            var results = OccupationSearch.Find(catalog, query.Text, string.IsNullOrWhiteSpace(query.Text) ? 50 : 60);
            var selected = catalog.FindOccupation(query.Code?.Trim()) ?? (results.Count == 1 ? results[0] : null);
            var detail = selected is null ? null : GetOccupation.Handler.Describe(catalog, selected);
            return Task.FromResult(Result<Browse>.Success(new Browse(results, detail)));
        }
    }
}
