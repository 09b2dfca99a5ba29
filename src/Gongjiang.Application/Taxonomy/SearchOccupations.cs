using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Taxonomy;

/// <summary>
/// Anyone finds occupations of the 2022 classification by code, name, alias or an everyday title (at most 100), ranked
/// with confidences by <see cref="OccupationNames"/>; any text gets at least one (possibly coarse) answer.
/// </summary>
public static class SearchOccupations
{
    public const int MaxLimit = 100;

    public sealed record Query(string? Text, int Limit = 20) : IUseCase<IReadOnlyList<OccupationAnswer>>;

    public sealed class Handler(OccupationNames names) : IUseCaseHandler<Query, IReadOnlyList<OccupationAnswer>>
    {
        public Task<Result<IReadOnlyList<OccupationAnswer>>> HandleAsync(Query query, CancellationToken ct) =>
            Task.FromResult(query.Limit is < 1 or > MaxLimit
                ? Error.Invalid("limit", InputErrors.Between, 1, MaxLimit)
                : Result<IReadOnlyList<OccupationAnswer>>.Success(names.Find(query.Text, query.Limit)));
    }
}
