using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Taxonomy;

/// <summary>Anyone finds occupations of the 2022 classification by name, alias or code (at most 100).</summary>
public static class SearchOccupations
{
    public const int MaxLimit = 100;

    public sealed record Query(string? Text, int Limit = 20) : IUseCase<IReadOnlyList<Occupation>>;

    public sealed class Handler(TaxonomyCatalog catalog) : IUseCaseHandler<Query, IReadOnlyList<Occupation>>
    {
        public Task<Result<IReadOnlyList<Occupation>>> HandleAsync(Query query, CancellationToken ct) =>
            Task.FromResult(query.Limit is < 1 or > MaxLimit
                ? Error.Invalid("limit", InputErrors.Between, 1, MaxLimit)
                : Result<IReadOnlyList<Occupation>>.Success(OccupationSearch.Find(catalog, query.Text, query.Limit)));
    }
}
